"""The official statistics releases (ONS ASHE and APS, SOC 2020 Volume 1, DfE Skills Imperative 2035) to one pack."""
