"""Operations: encrypted backups, restores with row-count checks, retention."""
