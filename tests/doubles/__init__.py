"""Loopback test doubles of the outside services (LMI for All, NCS, the ONS and DfE publishers), never shipped."""
