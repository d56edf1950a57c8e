using System.Data.Common;

namespace Csa.Storage.Sql.Internal;

/// <summary>Parameters as csa's SQL names them (<c>$name</c>; a backend translates the text, not the parameter).</summary>
static class CommandParameters
{
    /// <summary>Adds the parameter <c>$name</c> (null: SQL NULL).</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
