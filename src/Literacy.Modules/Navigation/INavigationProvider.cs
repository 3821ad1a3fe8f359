namespace Literacy.Modules.Navigation;

/// <summary>Contributes entries to a named menu. Modules implement it in their AdminMenu.cs or MainMenu.cs.</summary>
public interface INavigationProvider
{
    void Build(string menu, ICollection<MenuItem> items);
}
