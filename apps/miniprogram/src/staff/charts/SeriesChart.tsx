/**
 * Charts of the staff pages, drawn by AntV F2 (v5) on a canvas: a `type="2d"` <Canvas> in the
 * weapp build, a plain <canvas> in the browser build, the same F2 code on both.
 *
 * Import this folder ONLY from pages of a subpackage (here: staff): F2 is a few hundred KB, and
 * anything a main-package page imports lands in the main package every resident downloads.
 */
import { useEffect, useMemo, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas as TaroCanvas, View } from '@tarojs/components';
import { Axis, Canvas, Chart, createElement, Interval, Legend, Line, Point } from '@antv/f2';
import { CHART_COLORS, chartRows, countTicks, labelledEvery, type ChartSeries } from './series';
import './SeriesChart.css';

export type { ChartSeries } from './series';

interface SeriesChartProps {
  /** The canvas id: unique on the page (the weapp build finds the canvas by it). */
  id: string;
  /** The x axis, oldest first: '3/9', '3/10'. */
  categories: readonly string[];
  /** One line (or colour of columns) each, with its legend name; values line up with categories. */
  series: readonly ChartSeries[];
  /** Lines with dots (default), or columns side by side. */
  type?: 'line' | 'column';
  /** At most this many labels on the x axis (default 7). */
  maxLabels?: number;
}

/** What F2 needs from the platform to draw on one canvas. */
interface Surface {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
  requestAnimationFrame?: (fn: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  /**
   * Where F2 (AntV G) measures text. Without one it makes an OffscreenCanvas or a DOM <canvas>,
   * neither of which a mini-program has (antvis/G#940): the weapp build passes its own.
   */
  offscreenCanvas?: unknown;
}

/**
 * F2's own JSX factory (not React's). Its typings want each component's exact props and do not
 * accept F2's generic component classes, so it is called through this looser signature.
 */
const h = createElement as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/**
 * Sizes in the charts are written like our CSS, for a 750-wide design: 34px is 17 CSS px. (F2's
 * own conversion reads the page's root font size, which Taro's h5 sets for rem: text came out tiny.)
 */
const px2hd = (px: number): number => px / 2;

/** The chart as F2 elements. */
function chartElement({ categories, series, type = 'line', maxLabels = 7 }: SeriesChartProps): unknown {
  const data = chartRows(categories, series);
  const labelled = labelledEvery(categories.length, maxLabels);
  const color = { field: 'name', range: CHART_COLORS };
  const ticks = countTicks(Math.max(0, ...data.map((r) => r.value)));
  return h(
    Chart,
    {
      data,
      scale: {
        x: { type: 'cat', values: [...categories] },
        value: { min: 0, max: ticks[ticks.length - 1], ticks },
      },
    },
    h(Legend, { position: 'top', marker: 'circle', nameStyle: { fontSize: '34px', fill: '#333333' } }),
    h(Axis, {
      field: 'x',
      style: { label: (text: string, index: number) => ({ text: labelled(index) ? text : '', fontSize: '28px', fill: '#555555' }) },
    }),
    h(Axis, { field: 'value', style: { label: { fontSize: '28px', fill: '#555555' } } }),
    type === 'column'
      ? h(Interval, { x: 'x', y: 'value', color, adjust: 'dodge' })
      : [h(Line, { x: 'x', y: 'value', color, style: { lineWidth: 3 } }), h(Point, { x: 'x', y: 'value', color, size: 3 })],
  );
}

type WeappCanvasNode = {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D;
  requestAnimationFrame?: (fn: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
};

/** The weapp canvas node of `#id` (type="2d"), sized for the screen's pixels. */
function weappSurface(id: string): Promise<Surface> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WeappCanvasNode; width: number; height: number }[]) => {
        const found = res[0];
        const node = found?.node;
        if (!found || !node) return reject(new Error(`canvas #${id} not found`));
        const pixelRatio = Taro.getWindowInfo().pixelRatio;
        node.width = Math.round(found.width * pixelRatio);
        node.height = Math.round(found.height * pixelRatio);
        resolve({
          context: node.getContext('2d'),
          width: found.width,
          height: found.height,
          pixelRatio,
          requestAnimationFrame: node.requestAnimationFrame?.bind(node),
          cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
          offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 }),
        });
      });
  });
}

/** The browser's canvas element, sized for the screen's pixels. */
function h5Surface(el: HTMLCanvasElement): Surface {
  const pixelRatio = window.devicePixelRatio || 1;
  const width = el.clientWidth;
  const height = el.clientHeight;
  el.width = Math.round(width * pixelRatio);
  el.height = Math.round(height * pixelRatio);
  const context = el.getContext('2d');
  if (!context) throw new Error('no 2d context');
  return { context, width, height, pixelRatio };
}

/** A line or column chart of a few series over the same categories (days), with its legend on top. */
export function SeriesChart(props: SeriesChartProps) {
  const { id, categories, series, type, maxLabels } = props;
  const h5Canvas = useRef<HTMLCanvasElement | null>(null);
  const chart = useRef<Canvas | null>(null);
  const drawn = useRef<Promise<void> | null>(null);
  // Redrawn when the data or the kind of chart changes (not for a new props object alone).
  const children = useMemo(() => chartElement(props), [categories, series, type, maxLabels]);

  useEffect(() => {
    // The first draw waits for the canvas; later ones redraw the same chart with new data.
    const previous = drawn.current;
    drawn.current = (async () => {
      await previous;
      if (chart.current) return chart.current.update({ children });
      const surface =
        process.env.TARO_ENV === 'h5'
          ? h5Surface(h5Canvas.current as HTMLCanvasElement)
          : await new Promise<Surface>((resolve, reject) => Taro.nextTick(() => weappSurface(id).then(resolve, reject)));
      chart.current = new Canvas({ ...surface, px2hd, animate: false, children } as ConstructorParameters<typeof Canvas>[0]);
      await chart.current.render();
    })().catch((error: unknown) => console.error('chart', error));
  }, [children, id]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <View className="series-chart">
      {process.env.TARO_ENV === 'h5' ? (
        <canvas id={id} ref={h5Canvas} className="series-chart__canvas" />
      ) : (
        <TaroCanvas id={id} type="2d" className="series-chart__canvas" />
      )}
    </View>
  );
}
