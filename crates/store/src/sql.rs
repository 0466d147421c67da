//! Small helpers for writing SQL that runs on both backends.

/// `INSERT INTO table (columns) VALUES ($1,…,$c),(…)…` for `rows` rows of `columns.len()`
/// parameters each, numbered as both SQLite and PostgreSQL accept.
pub(crate) fn insert_values(table: &str, columns: &[&str], rows: usize) -> String {
    let width = columns.len();
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    for row in 0..rows {
        if row > 0 {
            sql.push(',');
        }
        let params: Vec<String> = (1..=width)
            .map(|c| format!("${}", row * width + c))
            .collect();
        sql.push('(');
        sql.push_str(&params.join(","));
        sql.push(')');
    }
    sql
}

/// PostgreSQL: an INSERT of `columns` from the JSON array of objects in parameter `$param`, each
/// keyed by column name and converted by the table's own row type (`json_populate_recordset`).
/// Its text is the same however many rows there are, so one prepared statement, planned once,
/// serves every batch (issue 22: a VALUES list per batch size was parsed and planned each time).
pub(crate) fn insert_from_json(table: &str, columns: &[&str], param: usize) -> String {
    let columns = columns.join(", ");
    format!(
        "INSERT INTO {table} ({columns}) SELECT {columns} \
         FROM json_populate_recordset(NULL::{table}, ${param}::json)"
    )
}

/// One row for [`insert_from_json`]: `values` keyed by `columns`, the same constant the INSERT
/// names, so a key cannot be misspelt and the count is checked when compiling.
pub(crate) fn json_row<const N: usize>(
    columns: &[&str; N],
    values: [serde_json::Value; N],
) -> serde_json::Value {
    serde_json::Value::Object(
        columns
            .iter()
            .map(|c| (*c).to_owned())
            .zip(values)
            .collect(),
    )
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
}
