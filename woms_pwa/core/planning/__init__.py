"""Planning: guided drafting, checks, cascading, approval, versions and the yearly cycle."""
