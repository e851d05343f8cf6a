"""National Careers Service job profiles: the client, plain text, rows, sync run, pack and a local test double."""
