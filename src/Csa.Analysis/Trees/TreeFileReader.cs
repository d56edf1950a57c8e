using System.Text.Json;
using Csa.Core;

namespace Csa.Analysis.Trees;

/// <summary>Reads a tree file's JSON into its rows, as written (names are checked by <see cref="CategoryTrees"/>).</summary>
/// <remarks>Through <see cref="JsonDocument"/>, not the serializer: a command reads a tree in well under a millisecond,
/// where the serializer's first use cost about 12 ms of a 0.15 s <c>csa compare</c>. Keys are matched without regard
/// to case; comments and trailing commas are allowed; an unknown key or a value of the wrong kind is an error naming it.</remarks>
static class TreeFileReader
{
    static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The file's name, description, limits and rows.</summary>
    /// <exception cref="CsaQueryException">Not JSON, or a key or value a tree file does not have.</exception>
    public static TreeFile Read(string text, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "the file");
            string? name = null, description = null;
            IReadOnlyList<string>? limits = null;
            List<TreeRowFile>? rows = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name.ToLowerInvariant())
                {
                    case "name": name = Text(property.Value, "name"); break;
                    case "description": description = Text(property.Value, "description"); break;
                    case "limits": limits = Texts(property.Value, "limits"); break;
                    case "rows":
                        Expect(property.Value, JsonValueKind.Array, "rows");
                        rows = [.. property.Value.EnumerateArray().Select((row, i) => Row(row, $"rows[{i}]"))];
                        break;
                    default: throw new JsonException($"'{property.Name}' is not a key of a tree file (name, description, limits, rows).");
                }
            }

            return new TreeFile(name, description, limits, rows);
        }
        catch (JsonException e)
        {
            throw new CsaQueryException($"{source}: not a valid tree file: {e.Message}", e);
        }
    }

    static TreeRowFile Row(JsonElement row, string where)
    {
        Expect(row, JsonValueKind.Object, where);
        string? label = null, marker = null;
        var level = 0;
        var all = false;
        IReadOnlyList<string>? groups = null, subgroups = null, codes = null, exceptCodes = null, types = null;
        foreach (var property in row.EnumerateObject())
        {
            var key = $"{where}.{property.Name}";
            switch (property.Name.ToLowerInvariant())
            {
                case "label": label = Text(property.Value, key); break;
                case "level": level = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var n) ? n : throw new JsonException($"{key} must be a whole number."); break;
                case "all": all = property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? property.Value.GetBoolean() : throw new JsonException($"{key} must be true or false."); break;
                case "groups": groups = Texts(property.Value, key); break;
                case "subgroups": subgroups = Texts(property.Value, key); break;
                case "codes": codes = Texts(property.Value, key); break;
                case "exceptcodes": exceptCodes = Texts(property.Value, key); break;
                case "marker": marker = Text(property.Value, key); break;
                case "policeuktypes": types = Texts(property.Value, key); break;
                default: throw new JsonException($"'{key}' is not a key of a tree row (label, level, all, groups, subgroups, codes, exceptCodes, marker, policeUkTypes).");
            }
        }

        return new TreeRowFile(label ?? string.Empty, level, all, groups, subgroups, codes, exceptCodes, marker, types);
    }

    static string? Text(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"{key} must be text."),
    };

    static IReadOnlyList<string>? Texts(JsonElement value, string key)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Expect(value, JsonValueKind.Array, key);
        return [.. value.EnumerateArray().Select((item, i) => Text(item, $"{key}[{i}]") ?? throw new JsonException($"{key}[{i}] must be text."))];
    }

    static void Expect(JsonElement value, JsonValueKind kind, string key)
    {
        if (value.ValueKind != kind)
        {
            throw new JsonException($"{key} must be {(kind == JsonValueKind.Array ? "a list" : "an object")}.");
        }
    }
}

/// <summary>A tree file as written.</summary>
sealed record TreeFile(string? Name, string? Description, IReadOnlyList<string>? Limits, IReadOnlyList<TreeRowFile>? Rows);

/// <summary>One row of a tree file as written.</summary>
sealed record TreeRowFile(
    string Label,
    int Level,
    bool All,
    IReadOnlyList<string>? Groups,
    IReadOnlyList<string>? Subgroups,
    IReadOnlyList<string>? Codes,
    IReadOnlyList<string>? ExceptCodes,
    string? Marker,
    IReadOnlyList<string>? PoliceUkTypes);
