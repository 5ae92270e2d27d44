// The benchmark fixture of issue 6, generated deterministically: a
// 1,000,000-code-point news-like article and 10,000 W3C span annotations
// with 2,000 relations (docs/benchmarks.md).
export const CODE_POINTS = 1_000_000, SPANS = 10_000, RELATIONS = 2_000;

// A deterministic generator (mulberry32), so every run loads the same fixture.
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// News-like text: curly quotes, em dashes, accented names, some astral
// characters, paragraphs of a few sentences.
function fixtureText(random) {
  const names = ["Ren Zhengfei", "Zoë Müller", "William Plummer", "José Álvarez", "Li Qiang", "Søren Ødegård"];
  const outlets = ["Reuters", "Les Échos", "AllThingsD", "ZDNet", "CNET"];
  const words = ("the company said market would exit network carrier phone business officials "
    + "lawmakers security report interview strategy growth government equipment spokesman").split(" ");
  const pick = (a) => a[Math.floor(random() * a.length)];
  const cps = [];
  let paragraph = [];
  const push = (s) => { for (const c of s) cps.push(c); };
  while (cps.length < CODE_POINTS) {
    const n = 6 + Math.floor(random() * 14);
    const phrase = Array.from({ length: n }, () => pick(words)).join(" ");
    const kind = random();
    let sentence;
    if (kind < 0.3) sentence = `“${phrase[0].toUpperCase()}${phrase.slice(1)},” ${pick(names)} told ${pick(outlets)}.`;
    else if (kind < 0.5) sentence = `According to ${pick(outlets)}, ${phrase} — ${pick(names)} said.`;
    else if (kind < 0.55) sentence = `${pick(names)} 📰 said the ${phrase}.`;
    else sentence = `${phrase[0].toUpperCase()}${phrase.slice(1)}.`;
    paragraph.push(sentence);
    if (paragraph.length >= 3 + Math.floor(random() * 4)) { push(paragraph.join(" ") + "\n\n"); paragraph = []; }
  }
  return cps.slice(0, CODE_POINTS).join("");
}

// W3C annotations: spans at word starts, 5–200 code points (so some overlap
// and nest), labelled Claim, Speaker or Source, and said_by / reported_by links.
function fixtureAnnotations(text, random) {
  const cps = Array.from(text);
  const starts = [];
  for (let i = 0; i < cps.length; i++) if (i === 0 || cps[i - 1] === " ") starts.push(i);
  const quote = (s, e) => cps.slice(s, e).join("");
  const labels = ["Claim", "Speaker", "Source"];
  const spans = [];
  for (let k = 0; k < SPANS; k++) {
    const start = starts[Math.floor(random() * starts.length)];
    const end = Math.min(cps.length, start + 5 + Math.floor(random() * 196));
    spans.push({
      id: `urn:bench:span:${k}`, type: "Annotation", motivation: "tagging",
      body: { type: "TextualBody", purpose: "tagging", value: labels[k % 3] },
      target: { source: "urn:bench:doc", selector: [
        { type: "TextPositionSelector", start, end },
        { type: "TextQuoteSelector", exact: quote(start, end), prefix: quote(Math.max(0, start - 32), start),
          suffix: quote(end, end + 32) }] },
    });
  }
  const links = [];
  for (let k = 0; k < RELATIONS; k++) {
    const claim = 3 * Math.floor(random() * (SPANS / 3));  // Claim, then its Speaker and Source
    const to = claim + (k % 2 === 0 ? 1 : 2);
    links.push({ id: `urn:bench:link:${k}`, type: "Annotation", motivation: "linking",
                 body: { type: "TextualBody", value: k % 2 === 0 ? "said_by" : "reported_by" },
                 target: [spans[claim].id, spans[to].id] });
  }
  return [...spans, ...links];
}

export function benchFixture() {
  const random = rng(20131126);
  const text = fixtureText(random);
  return { text, annotations: fixtureAnnotations(text, random) };
}
