"""Views of data quality and segmentation: duplicates and merge, segments, custom
fields, tags, the data-quality report, mass updates."""
