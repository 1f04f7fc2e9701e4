/**
 * A community's poster QR opens the mini-program with the community in it: in WeChat as the
 * `scene` of an unlimited mini-program code (`c=12`, URL-encoded by WeChat) or a `community`
 * query; in the browser as `?community=12` in the address. The app remembers it until the person
 * is signed in, then acts in that community (unless they already live somewhere).
 */
export function posterCommunity(query: Record<string, string | undefined> | undefined, search = ''): number | null {
  const fromQuery = query?.community ?? sceneValue(query?.scene) ?? new URLSearchParams(search).get('community') ?? undefined;
  const id = fromQuery === undefined ? NaN : Number(fromQuery);
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

function sceneValue(scene: string | undefined): string | undefined {
  if (!scene) return undefined;
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return undefined;
  }
  return new URLSearchParams(decoded).get('c') ?? undefined;
}
