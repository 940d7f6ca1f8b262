// model.mjs reads a JSON array of Mermaid diagram texts on standard input
// and prints, for each, what the real Mermaid parser makes of it: the
// journey's title, accTitle, accDescr, sections and tasks (every text as
// the drawn SVG shows it), or the error Mermaid rejects it with. pkg/mermaid's conformance tests compare this
// with what journey reads and writes.
//
// Usage: node model.mjs NODE_MODULES_DIR < diagrams.json > models.json
//
// Mermaid reads a diagram in the browser; jsdom gives it the window and
// document it expects. The front-matter title is passed in the way
// mermaid.render does (getDiagramFromText alone drops it).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.argv[2];
if (!modules) {
  console.error('usage: node model.mjs NODE_MODULES_DIR < diagrams.json');
  process.exit(2);
}
const require = createRequire(path.join(modules, 'package.json'));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

const { JSDOM } = await load('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'MutationObserver']) {
  if (!(key in globalThis) || key === 'window' || key === 'document') {
    Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true, writable: true });
  }
}
const mermaid = (await load('mermaid')).default;
const yaml = await load('js-yaml');
mermaid.initialize({ startOnLoad: false });
await mermaid.parse('journey\n'); // registers the diagram types

// shown is the text a reader sees for a text Mermaid parsed: Mermaid
// writes it into the SVG as text, turns its entity markers back into
// character references in the SVG source (decodeEntities in its utils.ts,
// copied here) and the browser reads that as HTML.
const scratch = dom.window.document.createElement('div');
function shown(text) {
  if (typeof text !== 'string' || !/ﬂ°|¶ß/.test(text)) return text;
  scratch.textContent = text;
  scratch.innerHTML = scratch.innerHTML.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  return scratch.textContent;
}

// Mermaid's own front-matter pattern (diagram-api/regexes.ts).
const frontMatterRegex = /^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s;

function frontMatterTitle(text) {
  const m = text.replace(/\r\n?/g, '\n').match(frontMatterRegex);
  if (!m) return undefined;
  let parsed;
  try {
    parsed = yaml.load(m[1], { schema: yaml.JSON_SCHEMA }) ?? {};
  } catch {
    return undefined; // Mermaid rejects the diagram: getDiagramFromText says why
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed) || !parsed.title) return undefined;
  return parsed.title.toString();
}

async function model(text) {
  try {
    // As mermaid.render reads a diagram: cleaned up once, then parsed.
    // (mermaid.parse cleans the text up twice and so rejects a few
    // diagrams that render draws.)
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text, { title: frontMatterTitle(text) });
    if (diagram.type !== 'journey') {
      return { error: `not a journey diagram: ${diagram.type}` };
    }
    const db = diagram.db;
    // getTasks appends on every call: call it once.
    const tasks = db.getTasks().map((t) => ({
      section: shown(t.section),
      task: shown(t.task),
      // JSON has no NaN or Infinity: keep what Number() gave as text.
      score: Number.isFinite(t.score) ? t.score : String(t.score),
      people: t.people.map(shown),
    }));
    return {
      title: shown(db.getDiagramTitle()),
      accTitle: shown(db.getAccTitle()),
      accDescr: shown(db.getAccDescription()),
      sections: db.getSections().map(shown),
      tasks,
    };
  } catch (err) {
    return { error: String(err?.message ?? err).split('\n').slice(0, 4).join('\n') };
  }
}

const texts = JSON.parse(readFileSync(0, 'utf8'));
const out = [];
for (const text of texts) {
  out.push(await model(text));
}
// jsdom keeps timers alive: exit once the output is written (a pipe
// takes it asynchronously).
process.stdout.write(JSON.stringify(out), () => process.exit(0));
