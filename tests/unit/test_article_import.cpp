// Bringing in articles: format guessing, HTML and Markdown to readable text,
// metadata, refusals, invalid UTF-8 and the text-derived document id.
#include <catch2/catch.hpp>

#include <string>

#include "core/article_import.h"
#include "core/sha256.h"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using cm::ArticleFormat;
using cm::draft_article;

namespace {

// The text an HTML fragment becomes.
std::string html(const std::string& src) {
    const cm::ArticleDraft d = draft_article("a.html", src);
    return d.ok ? d.text : "(refused) " + d.error;
}

std::string md(const std::string& src) {
    const cm::ArticleDraft d = draft_article("a.md", src);
    return d.ok ? d.text : "(refused) " + d.error;
}

bool has_note(const cm::ArticleDraft& d, const std::string& part) {
    for (const std::string& n : d.notes)
        if (n.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("guess_format: extension first, then the bytes", "[article]") {
    CHECK(cm::guess_format("story.txt", "<html><p>x</p></html>") == ArticleFormat::Text);
    CHECK(cm::guess_format("story.MD", "") == ArticleFormat::Markdown);
    CHECK(cm::guess_format("notes.markdown", "") == ArticleFormat::Markdown);
    CHECK(cm::guess_format("dir.v2/Story.HTM", "") == ArticleFormat::Html);
    CHECK(cm::guess_format("page.xhtml", "") == ArticleFormat::Html);
    // No or an unknown extension: sniffed.
    CHECK(cm::guess_format("", "\xEF\xBB\xBF  <!DOCTYPE html><html>") == ArticleFormat::Html);
    CHECK(cm::guess_format("", "<meta charset='utf-8'><p>Pasted</p>") == ArticleFormat::Html);
    CHECK(cm::guess_format("download", "\n<P CLASS=x>Hi</P>") == ArticleFormat::Html);
    CHECK(cm::guess_format("", "# Heading\n\nText") == ArticleFormat::Markdown);
    CHECK(cm::guess_format("", "Plain words, a < b and <p> later") == ArticleFormat::Text);
    CHECK(cm::guess_format("", "<3 this story") == ArticleFormat::Text);
    CHECK(cm::guess_format("", "") == ArticleFormat::Text);
}

TEST_CASE("HTML: scripts, styles, comments and head contents are dropped", "[article]") {
    const std::string page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title>"
        "<style>p { color: red }</style><script>var a = '<p>no</p>';</script></head>"
        "<body><!-- a <p>comment</p> --><p>One<script type=\"text/javascript\">if (a < b && c > d) "
        "document.write('</div>')</script> two</p><noscript><p>Enable JS</p></noscript>"
        "<template><p>tpl</p></template><svg viewBox=\"0 0 1 1\"><title>icon</title><text>svg text</text></svg>"
        "<SCRIPT>x()</SCRIPT><p>Three</p></body></html>";
    const cm::ArticleDraft d = draft_article("a.html", page);
    REQUIRE(d.ok);
    CHECK(d.text == "One two\n\nThree");
    CHECK(d.meta.title == "T");
    CHECK(has_note(d, "HTML converted to text: 3 scripts, 1 style, 3 embedded elements"));
    CHECK(has_note(d, "1 comment dropped"));
    // Script text holding "</scr" + "ipt" only ends at the real end tag.
    CHECK(html("<p>a<script>s = '<\\/script>'; t = 1 < 2;</script>b</p>") == "ab");
    // Unclosed comment or script: the rest is dropped (as in a browser), with a note.
    const cm::ArticleDraft u = draft_article("a.html", "<p>Kept</p><script>lost <p>forever</p>");
    CHECK(u.text == "Kept");
    CHECK(has_note(u, "<script> is never closed"));
    CHECK(html("<p>Kept</p><!-- open comment <p>x</p>") == "Kept");
    CHECK(html("<p>a<!---->b<!-->c</p>") == "abc");
}

TEST_CASE("HTML: entities, numeric and named", "[article]") {
    CHECK(html("<p>&#8220;Hi&#x201D; &#X201c;x&#x201d; &amp; &lt;b&gt; &quot;q&quot; &apos;</p>") ==
          "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x9Cx\xE2\x80\x9D & <b> \"q\" '");
    CHECK(html("<p>a&mdash;b&ndash;c&hellip; &lsquo;s&rsquo; &ldquo;d&rdquo; &laquo;f&raquo;</p>") ==
          "a\xE2\x80\x94" "b\xE2\x80\x93" "c\xE2\x80\xA6 \xE2\x80\x98s\xE2\x80\x99 \xE2\x80\x9C" "d\xE2\x80\x9D "
          "\xC2\xAB" "f\xC2\xBB");
    CHECK(html("<p>&copy; &reg; &trade; &euro;5 &middot; &bull; caf&eacute; &Eacute;</p>") ==
          "\xC2\xA9 \xC2\xAE \xE2\x84\xA2 \xE2\x82\xAC" "5 \xC2\xB7 \xE2\x80\xA2 caf\xC3\xA9 \xC3\x89");
    // Unknown names, a missing semicolon on a name, and no digits: left as written.
    CHECK(html("<p>&bogus; AT&T &amp Q&A &#; &#xZ;</p>") == "&bogus; AT&T &amp Q&A &#; &#xZ;");
    // Numeric without semicolon; out of range and NUL become U+FFFD; 128-159 are Windows-1252.
    CHECK(html("<p>&#65&#66; &#0; &#x110000; &#xD800; &#146;s &#150;</p>") ==
          "AB \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xE2\x80\x99s \xE2\x80\x93");
    CHECK(html("<p>&#128512;</p>") == "\xF0\x9F\x98\x80");
    // &lt; written out stays text, never a tag.
    CHECK(html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") == "<script>alert(1)</script>");
}

TEST_CASE("HTML: whitespace collapses, no-break spaces stay inside lines", "[article]") {
    CHECK(html("<p>  one \n\t two   three </p>") == "one two three");
    CHECK(html("<p>a&nbsp;b\xC2\xA0" "c</p>") == "a\xC2\xA0" "b\xC2\xA0" "c");
    // Spacer paragraphs of no-break spaces vanish; no leading or trailing space in a line.
    CHECK(html("<p>a</p><p>&nbsp;</p><p>&nbsp;b&nbsp;</p>") == "a\n\nb");
    CHECK(html("<span>x</span><span>y</span> <b>z</b>") == "xy z");
}

TEST_CASE("HTML: blocks become paragraphs, at most one blank line", "[article]") {
    CHECK(html("<h1>Head</h1><div><div><p>One</p></div></div>\n\n\n<p>Two</p><section><article>"
               "<blockquote>Q</blockquote></article></section><hr><footer>F</footer>") ==
          "Head\n\nOne\n\nTwo\n\nQ\n\nF");
    CHECK(html("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>") == "a b\nc d");
    CHECK(html("<figure><img src=x.jpg alt=pic><figcaption>Caption</figcaption></figure>Text") == "Caption\n\nText");
}

TEST_CASE("HTML: br and lists", "[article]") {
    CHECK(html("<p>line one<br>line two<BR/>line three</p>") == "line one\nline two\nline three");
    CHECK(html("a<br><br>b<br>\n<br />c") == "a\n\nb\n\nc");
    CHECK(html("<p>Intro</p><ul><li>one</li><li> two <b>bold</b></li></ul><p>End</p>") ==
          "Intro\n\n\xE2\x80\xA2 one\n\xE2\x80\xA2 two bold\n\nEnd");
    CHECK(html("<ol><li>a<li>b</ol>") == "1. a\n2. b");
    CHECK(html("<ul><li>a<ul><li>inner</li></ul></li><li>b</li></ul>") ==
          "\xE2\x80\xA2 a\n\xE2\x80\xA2 inner\n\xE2\x80\xA2 b");
    CHECK(html("<ul><li>a</li></ul>After") == "\xE2\x80\xA2 a\n\nAfter");
    // A paragraph inside an item keeps the bullet on the item's text.
    CHECK(html("<ul><li><p>para item</p></li></ul>") == "\xE2\x80\xA2 para item");
}

TEST_CASE("HTML: pre keeps its whitespace", "[article]") {
    CHECK(html("<p>Before</p><pre>\n  code  line\n\n    indented</pre><p>After   words</p>") ==
          "Before\n\n  code  line\n\n    indented\n\nAfter words");
    CHECK(html("<pre><code>a &lt; b\n\tc</code></pre>") == "a < b\n\tc");
    // Found by fuzzing: &#13; in a pre put a CR into the text, which must have
    // LF newlines only (make_article then changed the text under the draft).
    CHECK(html("<pre>a&#13;b&#13;&#10;c</pre>") == "a b \nc");
    CHECK(html("<p>a&#13;b</p>") == "a b");
}

TEST_CASE("HTML: malformed and unusual markup", "[article]") {
    // Uppercase and mixed-case tags.
    CHECK(html("<P>One</P><DIV>Two</Div><Script>x</sCRIPT>Three") == "One\n\nTwo\n\nThree");
    // Nested inline tags, unclosed paragraphs and stray end tags.
    CHECK(html("<p>a <b><i>b</i> c</b><p>d</span></em>e") == "a b c\n\nde");
    // '>' inside quoted attributes does not end the tag; unquoted values work.
    CHECK(html("<p title=\"a > b\" data-x='c>d' class=plain>Text</p>") == "Text");
    CHECK(html("<a href=\"x?a=1&amp;b=2\" onclick='if (a>b) go()'>Link</a> after") == "Link after");
    // A '<' that is not a tag stays text; a tag that never closes is text too.
    CHECK(html("<p>a < b and 3<4, x <= y</p>") == "a < b and 3<4, x <= y");
    CHECK(html("<p>ok</p>tail <b") == "ok\n\ntail <b");
    // An unbalanced quote ends the tag at the next '>'.
    CHECK(html("<p class=\"oops>Text</p> more") == "Text\n\nmore");
    // Declarations, processing instructions, CDATA.
    CHECK(html("<?xml version=\"1.0\"?><!DOCTYPE html><![CDATA[x]]><p>Body</p>") == "Body");
    // A <head> that is never closed ends at the first body element.
    CHECK(html("<html><head><title>T</title><p>Body text</p>") == "Body text");
    // A self-closing svg hides nothing; nested svg is skipped whole.
    CHECK(html("<p>a<svg/>b<svg><svg><g/></svg><text>x</text></svg>c</p>") == "abc");
}

TEST_CASE("HTML: title, outlet, author and date from the page", "[article]") {
    const std::string page =
        "<html><head><title>Huawei exits the US | eWeek</title>"
        "<meta property=\"og:site_name\" content=\"eWeek\">"
        "<META NAME=\"author\" CONTENT=\"By Jane &amp; John Doe\">"
        "<meta property=\"article:published_time\" content=\"2013-04-30T09:12:00+00:00\">"
        "</head><body><h1>Huawei Exits</h1><p>Text.</p><time datetime=\"2020-01-02\">x</time></body></html>";
    const cm::ArticleDraft d = draft_article("page.html", page);
    REQUIRE(d.ok);
    CHECK(d.format == ArticleFormat::Html);
    CHECK(d.meta.title == "Huawei exits the US");  // the outlet suffix is dropped
    CHECK(d.meta.outlet == "eWeek");
    CHECK(d.meta.author == "Jane & John Doe");
    CHECK(d.meta.date == "2013-04-30");
    CHECK_THAT(d.meta.date_note, Contains("article:published_time"));
    CHECK(d.meta.file == "page.html");
    CHECK(d.meta.id.empty());
    CHECK(d.text == "Huawei Exits\n\nText.\n\nx");
    CHECK(has_note(d, "Read from the page: title from <title>"));

    // og:title wins over <title>; <time datetime> gives the date when no meta does.
    const cm::ArticleDraft og = draft_article("p.html",
        "<head><meta property='og:title' content='  The   Real Headline '><title>Site | Headline</title></head>"
        "<body><time datetime='2019-11-05T10:00'>Nov 5</time><p>x</p></body>");
    CHECK(og.meta.title == "The Real Headline");
    CHECK(og.meta.date == "2019-11-05");

    // No <title>: the first <h1>; nor that: the first line; then the file name.
    CHECK(draft_article("p.html", "<body><div>Nav</div><h1> Big <em>news</em> </h1><p>x</p>").meta.title == "Big news");
    CHECK(draft_article("p.html", "<p>First line</p><p>second</p>").meta.title == "First line");
    CHECK(draft_article("some/dir/story.v2.html", "<p>" + std::string(300, 'w') + "</p>").meta.title == "story.v2");

    // schema.org JSON-LD fills what the meta tags do not give.
    const cm::ArticleDraft ld = draft_article("p.html",
        "<head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@graph\": ["
        "{\"@type\": \"WebPage\", \"name\": \"x\"},"
        "{\"@type\": [\"NewsArticle\"], \"headline\": \"LD headline\", \"datePublished\": \"2021-03-04T05:06:07Z\","
        " \"author\": [{\"@type\": \"Person\", \"name\": \"Ann Writer\"}], \"publisher\": {\"name\": \"The Paper\"}}]}"
        "</script><script type=\"application/ld+json\">{ not json</script></head><body><p>Body</p></body>");
    REQUIRE(ld.ok);
    CHECK(ld.meta.title == "LD headline");
    CHECK(ld.meta.date == "2021-03-04");
    CHECK(ld.meta.author == "Ann Writer");
    CHECK(ld.meta.outlet == "The Paper");
    CHECK(ld.text == "Body");

    // Dates that are not ISO are not guessed.
    CHECK(draft_article("p.html", "<meta name='date' content='April 30, 2013'><p>x</p>").meta.date.empty());
    CHECK(draft_article("p.html", "<meta name='date' content='2013-13-01'><p>x</p>").meta.date.empty());
    CHECK(draft_article("p.html", "<meta name='date' content='2013-04'><p>x</p>").meta.date == "2013-04");
}

TEST_CASE("HTML: a declared Windows-1252 page is read as such", "[article]") {
    const cm::ArticleDraft d =
        draft_article("old.html", "<meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-1\">"
                                  "<p>Caf\xE9 \x93quoted\x94</p>");
    REQUIRE(d.ok);
    CHECK(d.text == "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK(d.warnings.empty());
    CHECK(has_note(d, "Windows-1252"));
    // Valid UTF-8 is read as UTF-8 whatever the page declares.
    CHECK(html("<meta charset=iso-8859-1><p>Caf\xC3\xA9</p>") == "Caf\xC3\xA9");
}

TEST_CASE("Markdown: readable text", "[article]") {
    CHECK(md("# The Title #\n\nSome *emphasis*, __strong__, ***both*** and ~~gone~~.\n") ==
          "The Title\n\nSome emphasis, strong, both and gone.");
    // Markers inside words, lone asterisks and escapes stay.
    CHECK(md("snake_case_name, 5 * 3 = 15, 2*3, \\*literal\\*, a_b_") == "snake_case_name, 5 * 3 = 15, 2*3, *literal*, a_b_");
    CHECK(md("A [link](http://x.com/a_(b)) and [ref][1], ![alt](img.png) gone, <https://x.org>.\n\n[1]: http://y.com") ==
          "A link and ref, gone, https://x.org.");
    CHECK(md("[*emph link*](u) and \xE2\x80\x9C*quoted*\xE2\x80\x9D") == "emph link and \xE2\x80\x9Cquoted\xE2\x80\x9D");
    CHECK(md("Code `a*b*c` and ``x ` y`` kept") == "Code a*b*c and x ` y kept");
    CHECK(md("Footnote[^1] stays.") == "Footnote[^1] stays.");
    // Quotes, lists, headings, thematic breaks.
    CHECK(md("> Quoted line\n> continues\n>\n> > nested") == "Quoted line continues\n\nnested");
    CHECK(md("Intro:\n- one\n* two\n+ three\n\n1. first\n2) second") ==
          "Intro:\n\n\xE2\x80\xA2 one\n\xE2\x80\xA2 two\n\xE2\x80\xA2 three\n\n1. first\n2) second");
    CHECK(md("## Sub\nText\n\n---\n\n* * *\nMore") == "Sub\n\nText\n\nMore");
    // Soft-wrapped lines join; a hard break (two spaces, backslash) keeps the line.
    CHECK(md("one\ntwo  \nthree\\\nfour") == "one two\nthree\nfour");
    // Code fences are kept as written.
    CHECK(md("Before\n```cpp\nint *p = 0;  // *not* emphasis\n\n  indented\n```\nAfter") ==
          "Before\n\nint *p = 0;  // *not* emphasis\n\n  indented\n\nAfter");
}

TEST_CASE("Markdown: title and front matter", "[article]") {
    CHECK(draft_article("a.md", "Intro line\n\n## Not this\n\n# Real Title\n\ntext").meta.title == "Real Title");
    CHECK(draft_article("a.md", "Setext *Title*\n===\n\ntext").meta.title == "Setext Title");
    CHECK(draft_article("a.md", "No heading here\n\nmore").meta.title == "No heading here");
    const cm::ArticleDraft d = draft_article("a.md",
        "---\ntitle: \"Front Title\"\nauthor: Ann\ndate: 2022-02-03\npublisher: Gazette\n---\n# Heading\n\nBody");
    REQUIRE(d.ok);
    CHECK(d.meta.title == "Front Title");
    CHECK(d.meta.author == "Ann");
    CHECK(d.meta.date == "2022-02-03");
    CHECK(d.meta.outlet == "Gazette");
    CHECK(d.text == "Heading\n\nBody");
    CHECK(has_note(d, "front matter"));
    // A leading thematic break is not front matter.
    CHECK(md("---\nJust text\n---\nmore") == "Just text\n\nmore");
}

TEST_CASE("Text: kept as written, title from the first line", "[article]") {
    const cm::ArticleDraft d = draft_article("story.txt", "\xEF\xBB\xBF\r\n  Headline here  \r\n\r\nBody  text\r\n");
    REQUIRE(d.ok);
    CHECK(d.format == ArticleFormat::Text);
    CHECK(d.text == "\n  Headline here  \n\nBody  text\n");
    CHECK(d.meta.title == "Headline here");
    CHECK(draft_article("/tmp/long-one.txt", std::string(250, 'x') + "\nbody").meta.title == "long-one");
    CHECK(draft_article("", std::string(250, 'x')).meta.title == "Untitled article");
    CHECK(draft_article("", "Pasted headline\nbody").meta.title == "Pasted headline");
}

TEST_CASE("Refusals: too big, not text, nothing readable", "[article]") {
    const std::string big(cm::kMaxArticleBytes + 1, 'a');
    const cm::ArticleDraft d = draft_article("huge.html", big);
    CHECK_FALSE(d.ok);
    CHECK(d.error == "\xE2\x80\x9Chuge.html\xE2\x80\x9D is 20.0 MB; ClaimMark opens articles up to 20 MB.");
    const cm::ArticleDraft d34 = draft_article("", std::string(34200000, 'a'));
    CHECK(d34.error == "The pasted text is 32.6 MB; ClaimMark opens articles up to 20 MB.");
    CHECK(draft_article("ok.txt", std::string(cm::kMaxArticleBytes, 'a')).ok);

    const cm::ArticleDraft empty = draft_article("e.txt", "");
    CHECK_FALSE(empty.ok);
    CHECK(empty.error == "\xE2\x80\x9C" "e.txt\xE2\x80\x9D has no readable text.");
    CHECK_FALSE(draft_article("blank.txt", " \n\t\r\n").ok);
    const cm::ArticleDraft scripts = draft_article("", "<html><script>only()</script><style>x{}</style></html>");
    CHECK_FALSE(scripts.ok);
    CHECK_THAT(scripts.error, StartsWith("The pasted text has no readable text"));
    CHECK_FALSE(draft_article("x.md", "![only an image](a.png)\n\n---\n").ok);

    const cm::ArticleDraft pdf = draft_article("paper.pdf", std::string("%PDF-1.4\n\0\0binary", 17));
    CHECK_FALSE(pdf.ok);
    CHECK_THAT(pdf.error, Contains("is not text"));
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD and the warning reaches the document", "[article]") {
    const cm::ArticleDraft d = draft_article("bad.txt", "Title\n\nbad \xC3 here \xFF\xFE end");
    REQUIRE(d.ok);
    CHECK(d.text == "Title\n\nbad \xEF\xBF\xBD here \xEF\xBF\xBD\xEF\xBF\xBD end");
    REQUIRE(d.warnings.size() == 1);
    CHECK_THAT(d.warnings[0], StartsWith("3 invalid UTF-8 sequences were replaced"));
    const cm::Document doc = cm::make_article(d);
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings[0] == d.warnings[0]);
    CHECK(doc.text.invalid_sequences() == 0);
    // In HTML too (no charset declared), and in the title.
    const cm::ArticleDraft h = draft_article("bad.html", "<title>T\xE9</title><p>x\xE9</p>");
    CHECK(h.meta.title == "T\xEF\xBF\xBD");
    CHECK(h.text == "x\xEF\xBF\xBD");
    CHECK(h.warnings.size() == 1);
}

TEST_CASE("Document id: the first 16 hex digits of the text's SHA-256", "[article]") {
    // printf 'abc' | sha256sum → ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    CHECK(cm::document_id_for("abc") == "ba7816bf8f01cfea");
    cm::ArticleDraft d = draft_article("x.txt", "abc");
    REQUIRE(d.ok);
    d.meta.title = "Edited title";
    d.meta.outlet = "Edited outlet";
    const cm::Document doc = cm::make_article(d);
    CHECK(doc.meta.id == "ba7816bf8f01cfea");
    CHECK(doc.meta.title == "Edited title");
    CHECK(doc.meta.outlet == "Edited outlet");
    CHECK(doc.text.utf8() == "abc");
    // The id follows the document's text after newline normalisation, and an
    // empty title falls back to the id.
    d.text = "abc\r\n";
    d.meta.title = "  ";
    const cm::Document crlf = cm::make_article(d);
    CHECK(crlf.meta.id == cm::document_id_for("abc\n"));
    CHECK(crlf.meta.title == crlf.meta.id);
}

TEST_CASE("A 5 MB HTML page converts", "[article]") {
    std::string page = "<html><head><title>Big</title><style>p{}</style></head><body>\n";
    size_t paragraphs = 0;
    while (page.size() < 5 * 1024 * 1024) {
        page += "<div class=\"c\"><p>Paragraph &#8220;" + std::to_string(paragraphs) +
                "&#8221; with <a href=\"/x?a=1&amp;b=2\">a link</a>,&nbsp;<b>bold</b> text &amp; more.</p>"
                "<script>var x = 1 < 2;</script><!-- c --><ul><li>item</li></ul></div>\n";
        ++paragraphs;
    }
    page += "</body></html>";
    const cm::ArticleDraft d = draft_article("big.html", page);
    REQUIRE(d.ok);
    CHECK(d.meta.title == "Big");
    CHECK_THAT(d.text, StartsWith("Paragraph \xE2\x80\x9C" "0\xE2\x80\x9D with a link,\xC2\xA0" "bold text & more.\n\n"
                                  "\xE2\x80\xA2 item\n\nParagraph \xE2\x80\x9C" "1"));
    CHECK(has_note(d, std::to_string(paragraphs) + " scripts"));
    const cm::Document doc = cm::make_article(d);
    CHECK(doc.meta.id.size() == 16);
    CHECK(doc.warnings.empty());

    // Adversarial input stays linear: many tags with unbalanced quotes, many '<'.
    std::string odd;
    while (odd.size() < 2 * 1024 * 1024) odd += "<a title='x>text <<<< &#x";
    CHECK(draft_article("odd.html", odd).text.size() < odd.size());
    std::string marks;
    while (marks.size() < 2 * 1024 * 1024) marks += "[a](b *c _d `e ";
    CHECK(draft_article("odd.md", marks).text.size() <= marks.size());
}

TEST_CASE("ArticleBuilder: slice by slice, the same Document as make_article", "[article]") {
    std::string page = "<html><head><title>Long</title></head><body>\n";
    for (int i = 0; i < 400; ++i)
        page += "<p>Ren Zhengfei said \xE2\x80\x9Cwe are exiting\xE2\x80\x9D \xF0\x9F\x93\xB0 (" + std::to_string(i) + ").</p>\n";
    const cm::ArticleDraft d = draft_article("long.html", page);
    REQUIRE(d.ok);
    CHECK(d.sha256 == cm::sha256_hex(d.text));  // the draft says its text's hash
    const cm::Document whole = cm::make_article(d);
    CHECK(whole.meta.id == cm::document_id_for(d.text));
    CHECK(whole.sha256 == d.sha256);

    cm::ArticleBuilder b(d);
    CHECK(b.meta().title == "Long");
    int steps = 0;
    double last = -1;
    while (!b.step(1000)) {
        CHECK(b.progress() > last);
        last = b.progress();
        ++steps;
    }
    CHECK(steps > 10);
    const cm::Document doc = b.finish();
    CHECK(doc.text.utf8() == whole.text.utf8());
    CHECK(doc.text.codepoints() == whole.text.codepoints());
    CHECK(doc.meta.id == whole.meta.id);
    CHECK(doc.meta.title == whole.meta.title);
    CHECK(doc.sha256 == whole.sha256);
    CHECK(doc.warnings == whole.warnings);

    // A draft whose text is not what a document holds (CR, bytes that are
    // not UTF-8) is normalised and hashed again: its hash cannot be trusted.
    cm::ArticleDraft odd = d;
    odd.text = "one\r\ntwo \xFF";
    cm::ArticleBuilder ob(odd);
    const cm::Document o = ob.finish();
    CHECK(o.text.utf8() == "one\ntwo \xEF\xBF\xBD");
    CHECK(o.meta.id == cm::document_id_for("one\ntwo \xEF\xBF\xBD"));
    REQUIRE(o.warnings.size() == 1);
    CHECK_THAT(o.warnings[0], StartsWith("1 invalid UTF-8 sequence was replaced"));
}

TEST_CASE("A draft travels as JSON plus its text (the web's import worker)", "[article]") {
    const cm::ArticleDraft d = draft_article("page.html",
                                             "<title>T \xE2\x80\x9Cq\xE2\x80\x9D</title><meta property=\"og:site_name\" "
                                             "content=\"Outlet\"><script>x</script><p>Body \xF0\x9F\x93\xB0</p>");
    REQUIRE(d.ok);
    const cm::ArticleDraft back = cm::draft_from_json(cm::draft_to_json(d), d.text);
    CHECK(back.ok);
    CHECK(back.format == cm::ArticleFormat::Html);
    CHECK(back.meta.title == d.meta.title);
    CHECK(back.meta.outlet == "Outlet");
    CHECK(back.meta.file == "page.html");
    CHECK(back.sha256 == d.sha256);
    CHECK(back.notes == d.notes);
    CHECK(back.warnings == d.warnings);
    CHECK(cm::make_article(back).meta.id == cm::make_article(d).meta.id);
    // A refusal stays a refusal; garbage is an error, not a crash.
    const cm::ArticleDraft refused = draft_article("empty.txt", "   ");
    const cm::ArticleDraft r = cm::draft_from_json(cm::draft_to_json(refused), "");
    CHECK_FALSE(r.ok);
    CHECK(r.error == refused.error);
    CHECK_FALSE(cm::draft_from_json("{\"ok\": tru", "x").ok);
    CHECK_FALSE(cm::draft_from_json("[1,2]", "x").ok);
    const cm::ArticleDraft no_text = cm::draft_from_json(cm::draft_to_json(d), "");
    CHECK_FALSE(no_text.ok);
    CHECK_FALSE(no_text.error.empty());
}
