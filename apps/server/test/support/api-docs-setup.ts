import { ensureApiDocs } from '../../scripts/api-docs';

/**
 * Jest globalSetup of the server's e2e projects: the app loads src/docs/api-docs.generated.ts
 * (git-ignored), so it is made here when a source is newer than it (a few seconds), as the
 * server's build does.
 */
export default function setup(): void {
  ensureApiDocs();
}
