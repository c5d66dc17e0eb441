// resources/kiosk/nawa-wall-kiosk.sh: the URL it opens (with the host's token when there is one), its refusal of
// a wrong settings file, and a profile left "crashed" by a power cut set back to a clean exit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../resources/kiosk/nawa-wall-kiosk.sh', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'nawa-kiosk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kiosk(envFile: string, profile = join(dir, 'profile')) {
  const r = spawnSync('/bin/sh', [SCRIPT], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NAWA_KIOSK_ENV: envFile,
      NAWA_KIOSK_PROFILE: profile,
      NAWA_KIOSK_DRY_RUN: '1',
    },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function envFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('nawa-wall-kiosk.sh', () => {
  it('opens /wall/N of the host in kiosk mode, with ?token= when the host requires one', () => {
    const plain = kiosk(envFile('a.env', 'NAWA_HOST_URL=http://10.35.7.20:8790/\nNAWA_WALL=5\n'));
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^chromium --kiosk /);
    expect(plain.out.trim().endsWith(' http://10.35.7.20:8790/wall/5')).toBe(true);
    const paired = kiosk(
      envFile('b.env', 'NAWA_HOST_URL=https://konsol.lantai9\nNAWA_WALL=all\nNAWA_WALL_TOKEN=Ab3_x-9\n'),
    );
    expect(paired.out.trim().endsWith(' https://konsol.lantai9/wall/all?token=Ab3_x-9')).toBe(true);
    expect(paired.out).toContain('--disable-session-crashed-bubble');
  });

  it('refuses a wrong settings file with one sentence naming the setting', () => {
    const cases: [string, RegExp][] = [
      ['NAWA_HOST_URL=10.35.7.20:8790\nNAWA_WALL=1\n', /NAWA_HOST_URL .* must be the host's http/],
      ['NAWA_HOST_URL=http://h:8790\nNAWA_WALL=0\n', /NAWA_WALL .* from 1 to 64/],
      ['NAWA_HOST_URL=http://h:8790\nNAWA_WALL=65\n', /NAWA_WALL/],
      ['NAWA_HOST_URL=http://h:8790\nNAWA_WALL=2\nNAWA_WALL_TOKEN="a&b"\n', /NAWA_WALL_TOKEN/],
    ];
    for (const [text, message] of cases) {
      const r = kiosk(envFile('bad.env', text));
      expect(r.code, text).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
    const missing = kiosk(join(dir, 'no-such.env'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('wall.env.example');
  });

  it('marks a profile left by a power cut as cleanly exited, so no restore bubble covers the wall', () => {
    const profile = join(dir, 'cut');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      '{"profile":{"exit_type":"Crashed","exited_cleanly":false}}',
    );
    expect(kiosk(envFile('c.env', 'NAWA_HOST_URL=http://h:8790\nNAWA_WALL=3\n'), profile).code).toBe(0);
    expect(JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8'))).toEqual({
      profile: { exit_type: 'Normal', exited_cleanly: true },
    });
  });
});
