// The fuses of electron-builder.yml, read as electron-builder reads it, checked against its schema, and flipped
// by electron-builder's own code in a stand-in binary carrying Electron's fuse wire (v1: the sentinel, the wire
// version, its length, one byte per fuse). The real binary is read back on a machine that has one:
// `npx @electron/fuses read --app release/linux-unpacked/nawa` (SECURITY.md).
import { FuseV1Options, FuseVersion, getCurrentFuseWire, flipFuses, type FuseConfig } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;
const dir = mkdtempSync(join(tmpdir(), 'nawa-fuses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function builderConfig() {
  const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml fuses', () => {
  it('names each fuse of the security checklist, in a configuration electron-builder accepts', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is flipped by electron-builder into the fuse wire as configured', async () => {
    const { electronFuses } = await builderConfig();
    // Electron's defaults before packaging: everything on but asar integrity and asar-only loading.
    const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
    const binary = join(dir, 'nawa');
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.from('\x7fELF stand-in '),
        Buffer.from(SENTINEL),
        Buffer.from([1, defaults.length, ...defaults]),
        Buffer.from(' rest of the binary'),
      ]),
    );
    // The method electron-builder calls after packing (platformPackager.doAddElectronFuses); it uses no `this`.
    const packager = PlatformPackager.prototype as unknown as {
      generateFuseConfig(this: void, f: unknown): Promise<FuseConfig>;
    };
    const fuseConfig = await packager.generateFuseConfig(electronFuses);
    await flipFuses(binary, fuseConfig);
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number> & { version: string };
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
    // Not named in the configuration: left as Electron ships it.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLE);
  });
});
