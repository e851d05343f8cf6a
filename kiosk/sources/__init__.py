"""Outside data into content packs: LMI for All, National Careers Service and school sources."""
