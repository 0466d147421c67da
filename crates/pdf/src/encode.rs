//! UTF-8 to WinAnsiEncoding (Windows-1252), the encoding of the PDF base fonts.

/// Each character as one WinAnsi byte; what WinAnsi lacks becomes `?`.
pub fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
            '\u{a0}'..='\u{ff}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '\t' => b' ',
            _ => b'?',
        })
        .collect()
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
    }
}
