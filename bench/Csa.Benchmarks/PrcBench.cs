using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Csa.Ingest.Official;
using Csa.Storage.DuckDb;
using DuckDB.NET.Data;

namespace Csa.Benchmarks;

/// <summary>The Home Office tables: csa's import of the real force-level table against DuckDB's own read_csv of it, and the
/// streaming ODS reader on a large SYNTHETIC workbook against the same rows as CSV. Memory is the managed heap's peak, sampled
/// while the work runs, and the process's peak working set.</summary>
static class PrcBench
{
    public static async Task RunAsync(string repository, string scratch, int odsRows)
    {
        var c = CultureInfo.InvariantCulture;
        var table = Path.Combine(repository, "..", "shared", "data", "prc", "prc-pfa-2012-13_to_2023-24q1.csv");
        if (File.Exists(table))
        {
            var raw = await DuckDbReadCsvAsync(table, scratch);
            var (seconds, heap) = await MeasureAsync(async () =>
            {
                await using var store = await DuckDbStore.OpenAsync(Path.Combine(scratch, "prc.duckdb"), TimeProvider.System);
                await new RecordedCrimeImporter(store, TimeProvider.System).ImportAsync([table], null);
            });
            Console.WriteLine("== the Home Office force-level table (real; 258,905 rows)");
            Console.WriteLine(string.Create(c, $"   csa import prc (read, check, replace by release, one transaction): {seconds,6:F2} s  {258_905 / seconds,10:N0} rows/s  managed heap peak {heap / 1048576.0:N0} MiB"));
            Console.WriteLine(string.Create(c, $"   DuckDB read_csv into a plain table:                             {raw,6:F2} s  {258_905 / raw,10:N0} rows/s"));
            Console.WriteLine(string.Create(c, $"   ratio csa / read_csv: {seconds / raw:F2}"));
        }
        else
        {
            Console.WriteLine($"skipped the real Home Office table: {table} is not there");
        }

        var ods = Path.Combine(scratch, "synthetic-prc.ods");
        var csv = Path.Combine(scratch, "synthetic-prc.csv");
        var xmlBytes = WriteSynthetic(ods, csv, odsRows);
        var (odsSeconds, odsHeap) = await MeasureAsync(() => RecordedCrimeTableReader.ReadAsync(ods));
        var (csvSeconds, csvHeap) = await MeasureAsync(() => RecordedCrimeTableReader.ReadAsync(csv));
        Console.WriteLine(string.Create(c, $"== SYNTHETIC workbook: {odsRows:N0} rows in 4 year sheets, content.xml {xmlBytes / 1048576.0:N0} MiB ({new FileInfo(ods).Length / 1048576.0:N0} MiB zipped)"));
        Console.WriteLine(string.Create(c, $"   ODS (zip + XmlReader, streamed): {odsSeconds,6:F2} s  {odsRows / odsSeconds,10:N0} rows/s  managed heap peak {odsHeap / 1048576.0:N0} MiB"));
        Console.WriteLine(string.Create(c, $"   the same rows as CSV:            {csvSeconds,6:F2} s  {odsRows / csvSeconds,10:N0} rows/s  managed heap peak {csvHeap / 1048576.0:N0} MiB"));
        Console.WriteLine(string.Create(c, $"   ratio ODS / CSV: {odsSeconds / csvSeconds:F2}; the heap holds the rows read (about {odsRows * 100L / 1048576.0:N0} MiB of records), not the XML"));
        Console.WriteLine(string.Create(c, $"   peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"));
    }

    /// <summary>Runs the work, sampling the managed heap every 20 ms; returns the seconds and the largest heap seen.</summary>
    static async Task<(double Seconds, long HeapPeak)> MeasureAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return (clock.Elapsed.TotalSeconds, Math.Max(peak, GC.GetTotalMemory(false)));
    }

    static async Task<double> DuckDbReadCsvAsync(string table, string scratch)
    {
        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(scratch, "raw-prc.duckdb")}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE prc AS SELECT * FROM read_csv('{table.Replace("'", "''", StringComparison.Ordinal)}', header = true)";
        var clock = Stopwatch.StartNew();
        await command.ExecuteNonQueryAsync();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Writes <paramref name="rows"/> SYNTHETIC rows as a published-layout ODS (title row, header, float counts, a Notes
    /// sheet) and as CSV; returns the size of content.xml.</summary>
    static long WriteSynthetic(string ods, string csv, int rows)
    {
        const string Header = "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences";
        var random = new Random(2023);
        using var text = new StreamWriter(csv);
        text.WriteLine(Header);
        using var zip = ZipFile.Open(ods, ZipArchiveMode.Create);
        using (var mimetype = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
        {
            mimetype.Write("application/vnd.oasis.opendocument.spreadsheet");
        }

        using var content = zip.CreateEntry("content.xml", CompressionLevel.Fastest).Open();
        var counting = new CountingStream(content);
        using (var xml = XmlWriter.Create(counting, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
            const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
            const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
            xml.WriteStartElement("office", "document-content", Office);
            xml.WriteAttributeString("xmlns", "table", null, Table);
            xml.WriteAttributeString("xmlns", "text", null, TextNs);
            xml.WriteStartElement("office", "body", Office);
            xml.WriteStartElement("office", "spreadsheet", Office);
            void Cell(string value, bool number)
            {
                xml.WriteStartElement("table", "table-cell", Table);
                xml.WriteAttributeString("office", "value-type", Office, number ? "float" : "string");
                if (number)
                {
                    xml.WriteAttributeString("office", "value", Office, value);
                }

                xml.WriteElementString("text", "p", TextNs, value);
                xml.WriteEndElement();
            }

            void Row(string[] cells, params int[] numbers)
            {
                xml.WriteStartElement("table", "table-row", Table);
                for (var i = 0; i < cells.Length; i++)
                {
                    Cell(cells[i], numbers.Contains(i));
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("table", "table", Table);
            xml.WriteAttributeString("table", "name", Table, "Notes");
            Row(["SYNTHETIC benchmark workbook"]);
            xml.WriteEndElement();
            for (var sheet = 0; sheet < 4; sheet++)
            {
                var year = $"{2019 + sheet}/{(20 + sheet) % 100:D2}";
                xml.WriteStartElement("table", "table", Table);
                xml.WriteAttributeString("table", "name", Table, year.Replace('/', '_'));
                Row([$"SYNTHETIC police recorded crime, {year}"]);
                Row(Header.Split(','));
                for (var i = 0; i < rows / 4; i++)
                {
                    string[] cells = [year, ((i % 4) + 1).ToString(CultureInfo.InvariantCulture), $"Partnership {i % 300}", "Criminal damage to a dwelling", "Criminal damage and arson", "Criminal damage", "58A", random.Next(-3, 500).ToString(CultureInfo.InvariantCulture)];
                    Row(cells, 1, 7);
                    text.WriteLine(string.Join(',', cells));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return counting.Written;
    }

    /// <summary>Counts the bytes written through it.</summary>
    sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position
        {
            get => Written;
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }
    }
}
