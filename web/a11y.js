// The accessibility mirror (docs/accessibility.md): the open article and its
// annotations as an off-screen, semantic DOM region — a heading, a byline,
// one paragraph per paragraph, <mark> elements naming what is tagged — so a
// screen reader can read what the canvas draws. It follows the view (another
// article, edits, the selection, scrolling in long articles) by polling the
// app's cm_a11y_revision() and re-reading cm_a11y_view() when it changes.
// Nothing in it is focusable and it takes no pointer events: the keyboard
// and the mouse stay with the canvas. Document text only ever goes through
// textContent and attributes, never markup.
"use strict";
(function () {
  const POLL_MS = 250;
  const LABEL = "Article text (mirror of the canvas)";
  let Module = null;
  let root, header, heading, byline, before, body, after, status;
  let lastRevision = -1;
  let last = null;        // the previous view, for announcements
  let headingKey = null;  // what the heading shows
  const paragraphs = new Map();  // paragraph index -> { key, el }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The region: index.html's <main id="a11y-mirror"> (or one made here), kept
  // out of sight by style.css's clip technique, which keeps it in the
  // accessibility tree (display:none or visibility:hidden would not).
  function build() {
    root = document.getElementById("a11y-mirror");
    if (!root) {
      root = el("main");
      root.id = "a11y-mirror";
      document.body.appendChild(root);
    }
    root.classList.add("a11y-mirror");
    root.setAttribute("aria-label", LABEL);
    root.replaceChildren();
    const article = el("article");
    header = el("header");
    heading = el("h1");
    byline = el("p", "a11y-byline");
    header.append(heading, byline);
    before = el("p", "a11y-window-note");
    body = el("div", "a11y-body");
    after = el("p", "a11y-window-note");
    before.hidden = after.hidden = true;
    article.append(header, before, body, after);
    // What the app says in its status bar, and what gets selected.
    status = el("p", "a11y-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    root.append(article, status);
  }

  // "Claim, said by Ren Zhengfei, reported by AllThingsD" — a span in words.
  function describe(span) {
    let s = span.label;
    if (span.entity) s += ": " + span.entity;
    for (const l of span.links) s += ", " + l.relation + " " + l.name;
    if (span.quote) s += ", " + span.quote + " quote";
    if (span.note) s += ", note: " + span.note;
    return s;
  }

  const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };

  // One paragraph's content: the text cut at every range boundary, each
  // piece under annotations a <mark> whose description names all of them,
  // with "[Claim]" … "[end Claim]" in the text where a range starts and ends
  // (not every screen reader reads a mark's description while reading on).
  function fill(target, p, spans, selected) {
    const cps = Array.from(p.text);  // code points, like the offsets
    const pieces = [];
    for (const span of spans) {
      span.ranges.forEach(([s, e], part) => {
        const a = Math.max(s, p.start), b = Math.min(e, p.end);
        if (a < b) pieces.push({ span, part, parts: span.ranges.length, s, e, a, b });
      });
    }
    const cuts = new Set([p.start, p.end]);
    for (const x of pieces) { cuts.add(x.a); cuts.add(x.b); }
    const at = [...cuts].sort((x, y) => x - y);
    const nodes = [];
    for (let i = 0; i + 1 < at.length; i++) {
      const a = at[i], b = at[i + 1];
      const text = cps.slice(a - p.start, b - p.start).join("");
      const over = pieces.filter((x) => x.a <= a && x.b >= b);
      if (!over.length) { nodes.push(document.createTextNode(text)); continue; }
      const mark = el("mark");
      const names = [];
      const seen = new Set();
      for (const x of over) {
        if (seen.has(x.span.id)) continue;
        seen.add(x.span.id);
        names.push(describe(x.span) + (x.span.id === selected ? " (selected)" : ""));
      }
      mark.setAttribute("aria-description", names.join("; "));
      mark.dataset.spans = [...seen].join(" ");
      if (seen.has(selected)) mark.setAttribute("aria-current", "true");
      // Outer annotations open first and close last.
      const opening = over.filter((x) => x.s === a).sort((x, y) => y.e - x.e)
        .map((x) => x.span.label + (x.parts > 1 ? ", part " + (x.part + 1) + " of " + x.parts : ""));
      const closing = over.filter((x) => x.e === b).sort((x, y) => y.s - x.s).map((x) => "end " + x.span.label);
      if (opening.length) mark.append(el("span", "a11y-tag", "[" + opening.join("; ") + "] "));
      mark.append(text);
      if (closing.length) mark.append(el("span", "a11y-tag", " [" + closing.join("; ") + "]"));
      nodes.push(mark);
    }
    target.replaceChildren(...nodes);
  }

  // What a paragraph's rendering depends on, to leave unchanged ones alone
  // (a screen reader's reading position survives an update elsewhere).
  function spansFor(p, spans) {
    return spans.filter((s) => s.ranges.some(([a, b]) => a < p.end && b > p.start));
  }
  function keyOf(p, spans, selected) {
    return JSON.stringify([p.start, p.end, p.text, spans.map((s) => [s.id, s.ranges, describe(s), s.id === selected])]);
  }

  function render(v) {
    if (!v.docId) {
      setText(heading, "No article is open");
      setText(byline, "Choose one from the list of articles.");
      headingKey = null;
      before.hidden = after.hidden = true;
      body.replaceChildren();
      paragraphs.clear();
      return;
    }
    const spans = v.spans || [];
    const list = v.paragraphs || [];
    // The article's first line is usually its headline: then that paragraph is the heading.
    let first = 0;
    const p0 = list.length && list[0].index === 0 ? list[0] : null;
    if (p0 && p0.text.trim() === v.title.trim()) {
      const ps = spansFor(p0, spans);
      const key = "p0" + keyOf(p0, ps, v.selected);
      if (key !== headingKey) { fill(heading, p0, ps, v.selected); headingKey = key; }
      first = 1;
    } else if (headingKey !== "title:" + v.title) {
      heading.textContent = v.title || "Untitled article";
      headingKey = "title:" + v.title;
    }
    const by = [v.outlet || "Outlet not stated", v.author ? "by " + v.author : "", v.date].filter(Boolean).join(", ");
    setText(byline, by);

    const [from, to] = v.window;
    before.hidden = from === 0;
    setText(before, from ? `Paragraphs 1 to ${from} are not in this mirror yet: scroll the article up ` +
                           "(Page Up or Home on the canvas) to bring them here." : "");
    after.hidden = to >= v.paragraphCount;
    setText(after, to < v.paragraphCount
      ? `${v.paragraphCount - to} more paragraphs follow: scroll the article down (Page Down on the canvas) ` +
        "to bring them here." : "");

    const wanted = [];
    const keep = new Set();
    for (const p of list.slice(first)) {
      const ps = spansFor(p, spans);
      const key = keyOf(p, ps, v.selected);
      let entry = paragraphs.get(p.index);
      if (!entry || entry.key !== key) {
        const e = el("p");
        fill(e, p, ps, v.selected);
        entry = { key, el: e };
        paragraphs.set(p.index, entry);
      }
      keep.add(p.index);
      wanted.push(entry.el);
    }
    for (const [i, entry] of paragraphs) if (!keep.has(i)) { entry.el.remove(); paragraphs.delete(i); }
    // In place: move or insert only what is not already where it belongs.
    let cursor = body.firstChild;
    for (const e of wanted) {
      if (cursor === e) { cursor = cursor.nextSibling; continue; }
      body.insertBefore(e, cursor);
    }
    while (cursor) { const next = cursor.nextSibling; cursor.remove(); cursor = next; }
  }

  function spanSummary(span) {
    return describe(span) + (span.text ? ", \u201C" + span.text + "\u201D" : "");
  }

  // The polite status line: the app's status message, the newly selected
  // annotation, the link candidate, a newly opened article.
  function announce(v) {
    const said = [];
    if (last && v.docId && v.docId !== last.docId) said.push("Opened \u201C" + v.title + "\u201D.");
    if (last && v.message && v.messageTime !== last.messageTime) said.push(v.message);
    if (last && v.selected && v.selected !== last.selected && v.selectedSpan) said.push("Selected: " + spanSummary(v.selectedSpan) + ".");
    if (last && v.linking && v.linkCandidate && v.linkCandidate !== last.linkCandidate && v.candidateSpan)
      said.push("Link to: " + spanSummary(v.candidateSpan) + "?");
    if (!said.length) return;
    const text = said.join(" ");
    if (status.textContent === text) {  // the same words again: clear first, or nothing is read
      status.textContent = "";
      setTimeout(() => { status.textContent = text; }, 100);
    } else {
      status.textContent = text;
    }
  }

  function update(force) {
    if (!Module) return;
    const revision = Module.ccall("cm_a11y_revision", "number", [], []);
    if (!force && revision === lastRevision) return;
    const v = JSON.parse(Module.ccall("cm_a11y_view", "string", [], []));
    if (!v) return;
    lastRevision = v.revision;
    render(v);
    announce(v);
    last = v;
  }

  // Updates once the app's revision has held still for a poll: while the
  // reader scrolls a long article the paragraph window moves every few
  // frames, and rebuilding the mirror each time cost the canvas frames.
  let seen = -1;
  function poll() {
    if (!document.hidden) {
      try {
        const revision = Module.ccall("cm_a11y_revision", "number", [], []);
        if (revision === seen) update(false);
        seen = revision;
      } catch (e) { console.warn("ClaimMark: the accessibility mirror stopped (" + e.message + ")"); return; }
    }
    setTimeout(poll, POLL_MS);
  }

  if (!window.claimmark) return;
  window.claimmark.ready.then(() => {
    Module = window.Module;
    if (!Module || !Module._cm_a11y_view) return;  // a build without the mirror
    build();
    update(true);
    setTimeout(poll, POLL_MS);
  }, () => {});
})();
