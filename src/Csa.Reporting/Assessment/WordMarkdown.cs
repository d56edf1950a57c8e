using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Csa.Reporting.Assessment;

/// <summary>The analyst's Markdown as Word paragraphs: paragraphs in the analyst's text style, headings as Heading 2 and 3,
/// list items as List Bullet, emphasis as italic and bold, links as their text.</summary>
static class WordMarkdown
{
    public static IEnumerable<Paragraph> Paragraphs(string markdown) => Blocks(Markdig.Markdown.Parse(markdown), "Narrative");

    static IEnumerable<Paragraph> Blocks(ContainerBlock container, string style)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    yield return Paragraph(heading.Inline, heading.Level <= 2 ? "Heading2" : "Heading3");
                    break;
                case Markdig.Syntax.ParagraphBlock paragraph:
                    yield return Paragraph(paragraph.Inline, style);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        foreach (var paragraph in Blocks(item, "ListBullet"))
                        {
                            yield return paragraph;
                        }
                    }

                    break;
                case ContainerBlock other:
                    foreach (var paragraph in Blocks(other, style))
                    {
                        yield return paragraph;
                    }

                    break;
                case LeafBlock leaf:
                    yield return WordReportWriter.Paragraph(leaf.Lines.ToString(), style);
                    break;
            }
        }
    }

    static Paragraph Paragraph(ContainerInline? inline, string style)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (inline is not null)
        {
            paragraph.Append(Runs(inline, bold: false, italic: false));
        }

        return paragraph;
    }

    static IEnumerable<OpenXmlElement> Runs(ContainerInline container, bool bold, bool italic)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    yield return Run(literal.Content.ToString(), bold, italic);
                    break;
                case CodeInline code:
                    yield return Run(code.Content, bold, italic);
                    break;
                case LineBreakInline { IsHard: true }:
                    yield return new Run(new Break());
                    break;
                case LineBreakInline:
                    yield return Run(" ", bold, italic);
                    break;
                case EmphasisInline emphasis:
                    foreach (var run in Runs(emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1))
                    {
                        yield return run;
                    }

                    break;
                case ContainerInline other:
                    foreach (var run in Runs(other, bold, italic))
                    {
                        yield return run;
                    }

                    break;
            }
        }
    }

    static Run Run(string text, bool bold, bool italic)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
