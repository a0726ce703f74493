"""The time rules, one module per family of forms, each rule named with its examples."""
