import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/** Where the weapp build sends API calls; h5 is served by the server itself and uses relative /api. */
const apiBase = process.env.LINLI_API_BASE ?? 'http://127.0.0.1:3000';

/**
 * NutUI's styles are written for a 375-wide design, ours for 750 (34px in source = 17 CSS px
 * on a 375-wide phone). Each file is transformed with the width it was written for.
 */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : '';
  return file.includes('@nutui') ? 375 : 750;
}

/** The shared contract is plain CommonJS from the workspace; let Taro's babel see it. */
function includeSharedTypes(filename: string): boolean {
  return /[\\/](shared-types)[\\/]/.test(filename);
}

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2025-11-23',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: {
      LINLI_API_BASE: JSON.stringify(apiBase),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      // Persistent cache off: builds stay reproducible in CI and nothing is written outside dist.
      enable: false,
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      compile: { include: [includeSharedTypes] },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      compile: { include: [includeSharedTypes] },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Pages load on demand; let them share what they have in common (NutUI, the api layer)
        // instead of each page's chunk carrying its own copy (Taro splits initial chunks only).
        const splitChunks: unknown = chain.optimization.get('splitChunks');
        if (splitChunks && typeof splitChunks === 'object') {
          chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
        }
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
