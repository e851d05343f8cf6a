"""The staff screen: the hidden way in, the PIN pad, and the sections for content, USB sticks, settings and usage."""
