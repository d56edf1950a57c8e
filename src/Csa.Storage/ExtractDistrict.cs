using Csa.Core.Geography;

namespace Csa.Storage;

/// <summary>A district where the held extract has crimes, with the partnerships and police force areas made of it and others.</summary>
/// <param name="District">The district.</param>
/// <param name="Parents">The community safety partnerships and police force areas that contain it.</param>
public sealed record ExtractDistrict(Area District, IReadOnlyList<Area> Parents);
