"""Reading and writing itineraries: YAML format v1, GeoJSON and GIS formats."""
