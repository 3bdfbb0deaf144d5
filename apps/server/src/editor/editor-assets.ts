// Where the built editor lives. `npm start` builds it into apps/editor/dist; EDITOR_DIR overrides.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function findEditorDir(configured: string | undefined): string | undefined {
  const candidates = configured ? [resolve(configured)] : [resolve(process.cwd(), 'apps/editor/dist'), resolve(process.cwd(), '../editor/dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}
