"""Ukrainian text handling in one place: sorting, search normalisation, formatting."""
