// The lint rule that keeps user-visible text in the dictionaries (issue 8, item 6): eslint.config.js runs
// i18next/no-literal-string on renderer/**/*.tsx. Here it is shown to fire on literal text in JSX and in the
// attributes people read or hear, and to let dictionary text, keys and class names through.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
// The sample is not part of a tsconfig project, so the type-aware rules are off for it; the rule under test is not.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });

async function literalTexts(code: string, filePath = 'renderer/console/sample.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('; '));
  return result!.messages
    .filter((m) => m.ruleId === 'i18next/no-literal-string')
    .map((m) => code.split('\n')[m.line - 1]!.trim());
}

const wrap = (jsx: string) =>
  `declare const t: (k: string, v?: object) => string;\ndeclare const n: number;\nexport function Sample() {\n  return (\n${jsx}\n  );\n}\n`;

describe('the JSX text lint rule', () => {
  it('fires on literal text and on the attributes a person reads or a screen reader speaks', async () => {
    const code = wrap(
      [
        '<div>',
        '  <h2>Insiden baru</h2>',
        '  <button aria-label="Tutup">x</button>',
        '  <input placeholder="Cari tempat" />',
        '  <img alt="Peta" src="/a.png" />',
        '  <span title="Terakhir diperbarui">{t("a")}</span>',
        '  <p>{n > 1 ? "banyak" : t("b")}</p>',
        '  <td>{`${n} menit`}</td>',
        '</div>',
      ].join('\n'),
    );
    expect(await literalTexts(code)).toEqual([
      '<h2>Insiden baru</h2>',
      '<button aria-label="Tutup">x</button>',
      '<button aria-label="Tutup">x</button>',
      '<input placeholder="Cari tempat" />',
      '<img alt="Peta" src="/a.png" />',
      '<span title="Terakhir diperbarui">{t("a")}</span>',
      '<p>{n > 1 ? "banyak" : t("b")}</p>',
      '<td>{`${n} menit`}</td>',
    ]);
  });

  it('lets dictionary text, class names, keys, numbers and punctuation through', async () => {
    const code = wrap(
      [
        '<div className="map-legend" data-layer="site-opd" role="region" aria-label={t("map.label")}>',
        '  <span key="a" className={`state-${n}`}>{t("overview.up")}</span>',
        '  <span>{n} · {n}%</span>',
        '  <input type="checkbox" id="x" />',
        '  {t("x", { value: n })} — {"/"}',
        '</div>',
      ].join('\n'),
    );
    expect(await literalTexts(code)).toEqual([]);
  });

  it('holds the renderer only: other code may have literal strings', async () => {
    expect(await literalTexts(wrap('<div>Insiden baru</div>'), 'renderer/wall/sample.tsx')).toHaveLength(1);
    expect(await literalTexts(wrap('<div>Insiden baru</div>'), 'scripts/sample.tsx')).toEqual([]);
  });
});
