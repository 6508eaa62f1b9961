// placeholder replaced below
export async function writeSeedAsset(): Promise<{ relativeDest: string; contents: string }> {
  return { relativeDest: 'seed.json', contents: '{}' };
}
