namespace Csa.Storage.Sql;

/// <summary>A question a store answers: the method asked and its arguments (values with equality), for keeping answers.</summary>
/// <param name="Method">The store method.</param>
/// <param name="First">Its first argument, if any.</param>
/// <param name="Second">Its second argument, if any.</param>
/// <param name="Third">Its third argument, if any.</param>
public readonly record struct AnswerKey(string Method, object? First = null, object? Second = null, object? Third = null);
