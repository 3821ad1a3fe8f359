namespace Literacy.Data;

/// <summary>The database cannot be used; the message says what is wrong and how to fix it, in one line.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);
