"""Boundaries: areas, dissolving, and the simplification of a coverage of polygons.

Boundaries are simplified as a *coverage*: the boundary network of all the polygons of a layer
is cut into arcs between junctions, every arc is simplified once (Douglas-Peucker with topology
preservation, so that no arc crosses another), and the faces of the simplified network are
given back to the polygons (see :func:`simplify_coverage`). Neighbours therefore keep exactly
the same border: no gap and no overlap appears between them, which a polygon-by-polygon
simplification would create.

Why not ``shapely.coverage_simplify`` (shapely 2.1, GEOS 3.12): it needs a *valid* coverage,
and the EPCI dissolved from the Etalab communes are not one (44 of the 1,253 have gaps or
overlaps with a neighbour), which :func:`absorb_gaps` repairs here; and it simplifies by
Visvalingam-Whyatt area, not Douglas-Peucker distance, so it would change every stored
boundary (the data build must stay byte-identical; on the départements it keeps 88,000
vertices where this keeps 51,000 at the same tolerance).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyproj
import shapely

from ...errors import DataError

#: Equal-area projection used for the commune areas (WGS 84 / NSIDC EASE-Grid 2.0 Global).
AREA_CRS = "EPSG:6933"
#: Douglas-Peucker tolerance of the stored boundaries (degrees; about 220 m north-south and
#: 150 m east-west in metropolitan France).
SIMPLIFY_TOLERANCE = 0.002
#: Holes and slits between polygons smaller than this (square degrees, about 0.08 km² in
#: metropolitan France) are artefacts of the source simplification: they are given to the
#: neighbour sharing their longest border.
MAX_GAP_AREA = 1e-5
#: Grid the stored coordinates are snapped to (degrees, 2^-17, under a metre): coordinates with
#: a short binary fraction compress twice as well in Parquet.
COORDINATE_GRID = 2.0**-17
#: Square metres per square kilometre.
M2_PER_KM2 = 1e6


def area_km2(geometries: np.ndarray) -> np.ndarray:
    """Area of WGS84 lon/lat polygons in an equal-area projection (EPSG:6933).

    Parameters
    ----------
    geometries
        Shapely polygons in lon/lat degrees; ``None`` allowed.

    Returns
    -------
    numpy.ndarray
        Areas (km², float), NaN for missing geometries.
    """
    geometries = np.asarray(geometries, dtype=object)
    transformer = pyproj.Transformer.from_crs("EPSG:4326", AREA_CRS, always_xy=True)

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    projected = shapely.transform(geometries, project)
    area = shapely.area(projected) / M2_PER_KM2
    return np.where(pd.isna(geometries), np.nan, area)


def dissolve(geometries: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Union of the geometries sharing a key (after repairing them with ``make_valid``).

    Parameters
    ----------
    geometries
        Shapely polygons (``None`` entries are ignored).
    keys
        Group label of each geometry (str).

    Returns
    -------
    tuple of numpy.ndarray
        The sorted distinct keys and the union of each group's geometries.
    """
    geometries = np.asarray(geometries, dtype=object)
    keys = np.asarray(keys, dtype=object)
    keep = ~pd.isna(geometries)
    geometries, keys = shapely.make_valid(geometries[keep]), keys[keep].astype(str)
    order = np.argsort(keys, kind="stable")
    geometries, keys = geometries[order], keys[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    unions = [shapely.union_all(geometries[a:b]) for a, b in zip(starts, ends, strict=True)]
    return keys[starts], np.asarray(unions, dtype=object)


def polygon_faces(lines: shapely.Geometry) -> np.ndarray:
    """Return the faces (polygons, with holes) enclosed by a noded line network, none empty."""
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    return faces[shapely.area(faces) > 0]


def face_owners(faces: np.ndarray, geometries: np.ndarray) -> np.ndarray:
    """Index of the polygon holding each face, -1 for none (the lowest index where several)."""
    points = shapely.point_on_surface(faces)
    face_index, geom_index = shapely.STRtree(geometries).query(points, predicate="within")
    owners = np.full(len(faces), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(owners, face_index, geom_index)
    owners[owners == np.iinfo(np.int64).max] = -1
    return owners


def absorb_gaps(faces: np.ndarray, owners: np.ndarray, max_area: float) -> np.ndarray:
    """Give the small ownerless faces (slits, holes) to the neighbour with the longest border.

    Parameters
    ----------
    faces
        Faces of the boundary network (shapely polygons, degrees).
    owners
        Owner polygon of each face, -1 for none.
    max_area
        Largest area of a face to absorb (square degrees); bigger ownerless faces (real holes
        such as enclosed lagoons or foreign enclaves) are kept as holes.

    Returns
    -------
    numpy.ndarray
        Updated owners. Faces only touching other gaps are resolved in later passes.
    """
    owners = owners.copy()
    tree = shapely.STRtree(faces)
    boundaries = shapely.boundary(faces)
    for _ in range(10):
        gaps = np.flatnonzero((owners < 0) & (shapely.area(faces) < max_area))
        if len(gaps) == 0:
            break
        gap_index, neighbour = tree.query(faces[gaps], predicate="intersects")
        gap_index = gaps[gap_index]
        owned = owners[neighbour] >= 0
        gap_index, neighbour = gap_index[owned], neighbour[owned]
        if len(gap_index) == 0:
            break
        shared = shapely.length(shapely.intersection(boundaries[gap_index], boundaries[neighbour]))
        pairs = pd.DataFrame({"gap": gap_index, "owner": owners[neighbour], "shared": shared})
        pairs = pairs.groupby(["gap", "owner"], as_index=False)["shared"].sum()
        pairs = pairs.sort_values(["gap", "shared", "owner"], ascending=[True, False, True])
        best = pairs.drop_duplicates("gap")
        owners[best["gap"].to_numpy()] = best["owner"].to_numpy()
    return owners


def match_faces(simplified: np.ndarray, original: np.ndarray) -> np.ndarray:
    """Index of the original face each simplified face overlaps most (nearest if none)."""
    tree = shapely.STRtree(original)
    new_index, old_index = tree.query(simplified, predicate="intersects")
    overlap = shapely.area(shapely.intersection(simplified[new_index], original[old_index]))
    pairs = pd.DataFrame({"new": new_index, "old": old_index, "overlap": overlap})
    pairs = pairs[pairs["overlap"] > 0].sort_values(
        ["new", "overlap", "old"], ascending=[True, False, True]
    )
    best = pairs.drop_duplicates("new")
    match = np.full(len(simplified), -1, dtype=np.int64)
    match[best["new"].to_numpy()] = best["old"].to_numpy()
    lost = np.flatnonzero(match < 0)
    if len(lost):
        _, nearest = tree.query_nearest(simplified[lost], all_matches=False)
        match[lost] = nearest
    return match


def orient(geometries: np.ndarray) -> np.ndarray:
    """Polygons with counter-clockwise exteriors and clockwise holes (RFC 7946)."""
    if hasattr(shapely, "orient_polygons"):
        return shapely.orient_polygons(geometries, exterior_cw=False)
    from shapely.geometry.polygon import orient as orient_one

    def fix(geometry: shapely.Geometry) -> shapely.Geometry:
        if geometry.geom_type == "Polygon":
            return orient_one(geometry, 1.0)
        return shapely.multipolygons([orient_one(p, 1.0) for p in geometry.geoms])

    return np.asarray([fix(g) for g in geometries], dtype=object)


def simplify_coverage(
    geometries: np.ndarray,
    tolerance: float = SIMPLIFY_TOLERANCE,
    max_gap_area: float = MAX_GAP_AREA,
    grid_size: float = COORDINATE_GRID,
) -> np.ndarray:
    """Simplify adjacent polygons consistently, keeping their common borders identical.

    The boundaries of all polygons are noded and merged into arcs running between junctions;
    the arcs are simplified together by Douglas-Peucker with topology preservation (no arc
    may cross another or collapse), snapped to a fine grid and noded again; the faces of the
    simplified network are matched to the faces of the original network and given to the
    polygon that held them. Overlaps of the
    input go to the polygon with the lowest index; small gaps are absorbed (see
    :func:`absorb_gaps`).

    Parameters
    ----------
    geometries
        Shapely polygons / multipolygons in lon/lat degrees, one per feature.
    tolerance
        Largest distance between an arc and its simplification (degrees).
    max_gap_area
        Gaps and holes of the input smaller than this (square degrees) are filled.
    grid_size
        Grid the simplified arcs are snapped to (degrees), before the faces are rebuilt.

    Returns
    -------
    numpy.ndarray
        One valid polygon or multipolygon per input, oriented as in RFC 7946.
    """
    geometries = shapely.make_valid(np.asarray(geometries, dtype=object))
    arcs = shapely.line_merge(shapely.union_all(shapely.boundary(geometries)))
    original = polygon_faces(arcs)
    owners = absorb_gaps(original, face_owners(original, geometries), max_gap_area)
    simplified_arcs = shapely.simplify(arcs, tolerance, preserve_topology=True)
    snapped = shapely.set_precision(simplified_arcs, grid_size, mode="pointwise")
    simplified = polygon_faces(shapely.union_all(shapely.get_parts(snapped)))
    owner = owners[match_faces(simplified, original)]
    result = np.empty(len(geometries), dtype=object)
    for index in range(len(geometries)):
        parts = simplified[owner == index]
        if len(parts) == 0:
            raise DataError("build.polygon_vanished", index=index)
        result[index] = shapely.make_valid(shapely.coverage_union_all(parts))
    invalid = ~shapely.is_valid(result)
    if invalid.any():
        raise DataError("build.polygons_invalid", indices=np.flatnonzero(invalid)[:5].tolist())
    return orient(result)


def to_wkb(geometries: np.ndarray) -> list[bytes]:
    """Stable 2D little-endian WKB of shapely geometries (no SRID)."""
    wkb = shapely.to_wkb(
        shapely.force_2d(np.asarray(geometries, dtype=object)),
        output_dimension=2,
        byte_order=1,
        include_srid=False,
    )
    return list(wkb)


def geometry_frame(key: str, codes: np.ndarray, geometries: np.ndarray) -> pd.DataFrame:
    """Return a ``(key, geometry)`` table of simplified WKB boundaries sorted by key."""
    frame = pd.DataFrame({key: np.asarray(codes, dtype=str), "geometry": geometries})
    frame = frame.sort_values(key, kind="stable").reset_index(drop=True)
    frame["geometry"] = to_wkb(simplify_coverage(frame["geometry"].to_numpy()))
    return frame
