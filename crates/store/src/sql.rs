//! Small helpers for writing SQL that runs on both backends.

/// `INSERT INTO table (columns) VALUES ($1,…,$c),(…)…` for `rows` rows of `columns.len()`
/// parameters each, numbered as both SQLite and PostgreSQL accept.
pub(crate) fn insert_values(table: &str, columns: &[&str], rows: usize) -> String {
    insert_values_from(table, columns, rows, 1)
}

/// [`insert_values`] with the parameters numbered from `$first`: for several inserts in one
/// statement (PostgreSQL's data-modifying `WITH`).
pub(crate) fn insert_values_from(
    table: &str,
    columns: &[&str],
    rows: usize,
    first: usize,
) -> String {
    let width = columns.len();
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    for row in 0..rows {
        if row > 0 {
            sql.push(',');
        }
        sql.push('(');
        sql.push_str(&params(first + row * width, width).replace(' ', ""));
        sql.push(')');
    }
    sql
}

/// `$first, $first+1, …`: `n` numbered parameters, as an `IN (…)` list or a `VALUES` row needs.
pub(crate) fn params(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn parameters_are_numbered_across_rows() {
        assert_eq!(
            super::insert_values("t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES ($1,$2),($3,$4)"
        );
    }

    #[test]
    fn a_second_insert_of_one_statement_numbers_on_from_the_first() {
        assert_eq!(
            super::insert_values_from("u", &["c", "d", "e"], 2, 5),
            "INSERT INTO u (c, d, e) VALUES ($5,$6,$7),($8,$9,$10)"
        );
    }
}
