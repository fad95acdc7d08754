"""The default rule pack of factx (rule files, lexicons), installed as the package factx.default_rules."""
