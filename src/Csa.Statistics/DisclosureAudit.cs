using Google.OrTools.LinearSolver;

namespace Csa.Statistics;

/// <summary>The interval (linear-programming) attack on a set of published figures (METHODS.md §1.10): every hidden
/// cell is an unknown x ≥ 0, every published relation among cells a linear equation, and each hidden cell is minimised
/// and maximised subject to them (GLOP). A hidden cell is <em>disclosed</em> when its interval excludes zero or pins it
/// (narrower than one crime).</summary>
/// <remarks>The LP relaxation of the integer problem is the usual, safe-side audit: an interval it cannot narrow, the
/// integer problem cannot either. Cells are linked into components by the equations they share, and each component is
/// solved alone.</remarks>
public static class DisclosureAudit
{
    /// <summary>A relation the published answers imply: Σ coefficient × cell = 0 (a total: total − Σ parts = 0).</summary>
    /// <param name="Terms">The cells and their coefficients.</param>
    public sealed record Equation(IReadOnlyList<(string Cell, int Coefficient)> Terms);

    /// <summary>What the attacker can say about one hidden cell.</summary>
    /// <param name="Cell">The cell.</param>
    /// <param name="Min">The smallest value the published figures allow.</param>
    /// <param name="Max">The largest (infinite when nothing bounds it).</param>
    public sealed record Bound(string Cell, double Min, double Max)
    {
        /// <summary>Whether the published figures give the cell away: its interval excludes zero, or is narrower than one.</summary>
        public bool IsDisclosed => Min > Tolerance || Max - Min < 1 - Tolerance;
    }

    const double Tolerance = 1e-6;

    /// <summary>An upper bound no count reaches: it keeps every LP bounded (GLOP's presolve may report an unbounded
    /// problem as infeasible), and a maximum at it means nothing bounds the cell.</summary>
    const double NoBound = 1e9;

    /// <summary>Bounds every hidden cell.</summary>
    /// <param name="cells">Every cell: its published value, or null where it is hidden.</param>
    /// <param name="equations">The relations among cells that the published answers imply.</param>
    /// <exception cref="ArgumentException">An equation names a cell that is not in <paramref name="cells"/>.</exception>
    /// <exception cref="InvalidOperationException">The published figures contradict the equations (no solution).</exception>
    public static IReadOnlyList<Bound> Attack(IReadOnlyDictionary<string, long?> cells, IReadOnlyList<Equation> equations)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(equations);
        var relevant = equations.Where(e => e.Terms.Any(t => Value(cells, t.Cell) is null)).ToList();
        var bounds = new List<Bound>();
        foreach (var component in Components(cells, relevant))
        {
            bounds.AddRange(Solve(cells, component.Cells, component.Equations));
        }

        // A hidden cell in no equation is bounded by nothing but x ≥ 0.
        var linked = bounds.Select(b => b.Cell).ToHashSet(StringComparer.Ordinal);
        bounds.AddRange(cells.Where(c => c.Value is null && !linked.Contains(c.Key)).Select(c => new Bound(c.Key, 0, double.PositiveInfinity)));
        return bounds;
    }

    static long? Value(IReadOnlyDictionary<string, long?> cells, string cell) =>
        cells.TryGetValue(cell, out var value) ? value : throw new ArgumentException($"The equation names '{cell}', which is not a cell.", nameof(cells));

    /// <summary>Groups the hidden cells that share equations, with those equations.</summary>
    static IEnumerable<(List<string> Cells, List<Equation> Equations)> Components(IReadOnlyDictionary<string, long?> cells, List<Equation> equations)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var equation in equations)
        {
            var hidden = equation.Terms.Where(t => cells[t.Cell] is null).Select(t => t.Cell).ToList();
            foreach (var cell in hidden)
            {
                parent.TryAdd(cell, cell);
            }

            foreach (var cell in hidden.Skip(1))
            {
                parent[Find(cell)] = Find(hidden[0]);
            }
        }

        var byRoot = parent.Keys.GroupBy(Find, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var equationsByRoot = equations.GroupBy(e => Find(e.Terms.First(t => cells[t.Cell] is null).Cell), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return byRoot.Select(kv => (kv.Value, equationsByRoot[kv.Key]));
    }

    static IEnumerable<Bound> Solve(IReadOnlyDictionary<string, long?> cells, List<string> hidden, List<Equation> equations)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver is not available.");
        var variables = hidden.ToDictionary(c => c, c => solver.MakeNumVar(0, NoBound, c), StringComparer.Ordinal);
        foreach (var equation in equations)
        {
            // Σ coefficient × hidden = − Σ coefficient × published.
            var known = equation.Terms.Where(t => cells[t.Cell] is not null).Sum(t => t.Coefficient * (double)cells[t.Cell]!.Value);
            var constraint = solver.MakeConstraint(-known, -known);
            foreach (var (cell, coefficient) in equation.Terms.Where(t => cells[t.Cell] is null))
            {
                constraint.SetCoefficient(variables[cell], constraint.GetCoefficient(variables[cell]) + coefficient);
            }
        }

        foreach (var cell in hidden)
        {
            yield return new Bound(cell, Optimise(solver, variables[cell], maximise: false), Optimise(solver, variables[cell], maximise: true));
        }
    }

    static double Optimise(Solver solver, Variable variable, bool maximise)
    {
        var objective = solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        return solver.Solve() switch
        {
            Solver.ResultStatus.OPTIMAL => variable.SolutionValue() >= NoBound - 1 ? double.PositiveInfinity : variable.SolutionValue(),
            var status => throw new InvalidOperationException($"The published figures admit no solution ({status}): an equation does not hold."),
        };
    }
}
