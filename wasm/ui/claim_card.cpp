#include "ui/claim_card.h"

#include "ui/item_rects.h"
#include "ui/rich_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace cm::ui {

ClaimCard make_claim_card(const Annotations& a, const Corpus& corpus, const analysis::LinkIndex& links, Id claim) {
    ClaimCard c;
    c.claim = claim;
    const Span* s = a.span(claim);
    if (!s) return c;
    c.context = analysis::context_of(corpus, *s);
    c.speakers = analysis::join_names(analysis::parties_of(a, corpus, links, *s, RelationType::SaidBy));
    c.sources = analysis::join_names(analysis::parties_of(a, corpus, links, *s, RelationType::ReportedBy));
    if (const Document* d = corpus.find(s->doc)) {
        c.article = "\xE2\x80\x9C" + d->meta.title + "\xE2\x80\x9D";
        if (!d->meta.outlet.empty()) c.article += " (" + d->meta.outlet + ")";
    } else {
        c.article = "an article not in the corpus";
    }
    if (const Label* l = a.label(s->label)) c.color = l->color;
    return c;
}

void draw_claim_card(Annotator& an, const FontSet& fonts, const ClaimCard& card, const char* id, float width,
                     const std::string& item) {
    const ImU32 muted = palette().muted;
    RichText t;
    // The context is within one paragraph: no line breaks to fold.
    t.add(card.context.before, nullptr, muted)
        .add(card.context.text, fonts.ui_bold, 0, card.color + 1)
        .add(card.context.after, nullptr, muted);
    ImGui::PushID(id);
    if (t.draw("context", width)) an.jump_to(card.claim);
    if (!item.empty()) remember_item(item);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show it in the article");
    RichText who;
    who.add(card.speakers.empty() ? "no speaker linked " : "said by ", nullptr, muted);
    if (!card.speakers.empty()) who.add(card.speakers + " ");
    if (!card.sources.empty()) who.add("\xC2\xB7 reported by ", nullptr, muted).add(card.sources + " ");
    who.add("\xC2\xB7 in ", nullptr, muted).add(card.article);
    who.draw(nullptr, width);
    ImGui::PopID();
}

}  // namespace cm::ui
