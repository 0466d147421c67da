//! UTF-8 to WinAnsiEncoding (Windows-1252), the encoding of the PDF base fonts.

/// Whether every character of `s` prints with the base fonts (has a WinAnsi byte); line
/// breaks are the writer's own.
pub fn printable(s: &str) -> bool {
    s.chars()
        .all(|c| c == '\n' || c == '\r' || byte(c).is_some())
}

/// Each character as one WinAnsi byte; what WinAnsi lacks becomes `?`.
pub fn win_ansi(s: &str) -> Vec<u8> {
    s.chars().map(|c| byte(c).unwrap_or(b'?')).collect()
}

fn byte(c: char) -> Option<u8> {
    match c {
        '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => u8::try_from(u32::from(c)).ok(),
        '€' => Some(0x80),
        '‚' => Some(0x82),
        '„' => Some(0x84),
        '…' => Some(0x85),
        '‘' => Some(0x91),
        '’' => Some(0x92),
        '“' => Some(0x93),
        '”' => Some(0x94),
        '•' => Some(0x95),
        '–' => Some(0x96),
        '—' => Some(0x97),
        '\t' => Some(b' '),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn danish_letters_and_dashes_have_their_win_ansi_bytes() {
        assert_eq!(
            super::win_ansi("æøåÆØÅ"),
            vec![0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5]
        );
        assert_eq!(
            super::win_ansi("09:00–09:30 €"),
            b"09:00\x9609:30 \x80".to_vec()
        );
        assert_eq!(super::win_ansi("日本"), b"??".to_vec());
        assert!(super::printable("Kære Søren,\n09:00–09:30"));
        assert!(!super::printable("Шановний"));
    }
}
