//! Which part of a long worklist to show (issue 22 item 5). A manager's worklist covers a whole
//! municipality or a-kasse — thousands of items — and each citizen shown is a read of their
//! name, logged in their access log. So lists come in pages, and only the citizens on the page
//! shown are logged; the counts (how many items in all, per caseworker) are not reads of anyone.

use crate::Invalid;

/// Items on a page unless asked otherwise: a screen's worth, as a caseworker reads them.
pub const PER_PAGE: usize = 50;

/// The most items one page may hold: enough for an integrating system to page quickly, small
/// enough that one answer stays well under a megabyte.
pub const MAX_PER_PAGE: usize = 500;

/// A page of a list: the `number`th (from 1) of pages of `per_page` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub number: usize,
    pub per_page: usize,
}

impl Default for Paging {
    fn default() -> Self {
        Self {
            number: 1,
            per_page: PER_PAGE,
        }
    }
}

impl Paging {
    /// Everything on one page: for the store's own callers and tests that want the whole list.
    pub const ALL: Paging = Paging {
        number: 1,
        per_page: usize::MAX,
    };

    /// A page number as typed: a whole number from 1.
    pub fn page(raw: &str) -> Result<usize, Invalid> {
        match raw.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            Ok(_) => Err(Invalid::OutOfRange),
            Err(_) => Err(Invalid::BadFormat),
        }
    }

    /// Items per page as typed: 1 to [`MAX_PER_PAGE`].
    pub fn per_page(raw: &str) -> Result<usize, Invalid> {
        match raw.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_PER_PAGE).contains(&n) => Ok(n),
            Ok(_) => Err(Invalid::OutOfRange),
            Err(_) => Err(Invalid::BadFormat),
        }
    }

    /// The items of `all` on this page (none past the last page).
    pub fn slice<T>(&self, all: Vec<T>) -> Vec<T> {
        let skip = self.number.saturating_sub(1).saturating_mul(self.per_page);
        all.into_iter().skip(skip).take(self.per_page).collect()
    }

    /// How many pages `total` items fill (at least one, so an empty list is "page 1 of 1").
    pub fn pages(&self, total: usize) -> usize {
        total.div_ceil(self.per_page.max(1)).max(1)
    }

    /// The place of the first and last item on this page among `total` (1-based), or `None`
    /// when the page is past the end.
    pub fn shown(&self, total: usize) -> Option<(usize, usize)> {
        let first = self.number.saturating_sub(1).saturating_mul(self.per_page) + 1;
        (first <= total).then(|| (first, total.min(first - 1 + self.per_page)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_its_share_and_says_where_it_is() {
        let p = Paging {
            number: 2,
            per_page: 50,
        };
        let items: Vec<usize> = (1..=120).collect();
        assert_eq!(p.slice(items.clone()), (51..=100).collect::<Vec<_>>());
        assert_eq!(p.shown(120), Some((51, 100)));
        assert_eq!(p.pages(120), 3);
        let last = Paging { number: 3, ..p };
        assert_eq!(last.slice(items.clone()), (101..=120).collect::<Vec<_>>());
        assert_eq!(last.shown(120), Some((101, 120)));
        let past = Paging { number: 4, ..p };
        assert!(past.slice(items).is_empty());
        assert_eq!(past.shown(120), None);
        assert_eq!(Paging::default().pages(0), 1);
        assert_eq!(Paging::ALL.slice(vec![1, 2, 3]), vec![1, 2, 3]);
    }

    #[test]
    fn page_numbers_and_sizes_are_whole_numbers_in_range() {
        assert_eq!(Paging::page("2"), Ok(2));
        assert_eq!(Paging::page("0"), Err(Invalid::OutOfRange));
        assert_eq!(Paging::page("to"), Err(Invalid::BadFormat));
        assert_eq!(Paging::per_page("500"), Ok(500));
        assert_eq!(Paging::per_page("501"), Err(Invalid::OutOfRange));
        assert_eq!(Paging::per_page("-1"), Err(Invalid::BadFormat));
    }
}
