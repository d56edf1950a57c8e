using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Csa.Reporting.Assessment;

/// <summary>Reads a printed report's outline (Chromium makes one from the headings) to learn the page each section starts on.</summary>
public static class PdfOutline
{
    /// <summary>Section id → the page (from 1) its heading is on, for every section found in the outline, in order.</summary>
    public static Dictionary<string, int> SectionPages(byte[] pdf, IReadOnlyList<ReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        using var document = PdfDocument.Open(pdf);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!document.TryGetBookmarks(out var bookmarks))
        {
            return found;
        }

        // The outline lists headings in document order: each section takes the next entry with its heading.
        var nodes = Flatten(bookmarks.Roots).OfType<DocumentBookmarkNode>().ToList();
        var next = 0;
        foreach (var section in sections)
        {
            var at = nodes.FindIndex(next, n => string.Equals(n.Title.Trim(), section.Heading, StringComparison.Ordinal));
            if (at >= 0)
            {
                found[section.Id] = nodes[at].PageNumber;
                next = at + 1;
            }
        }

        return found;
    }

    /// <summary>How many pages the PDF has.</summary>
    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in Flatten(node.Children))
            {
                yield return child;
            }
        }
    }
}
