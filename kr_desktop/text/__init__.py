"""Ukrainian text handling in one place: sorting and search (ukrainian), formatting of dates and
money (formatting), parsing of typed values (parsing), and the rules of written Ukrainian —
plural agreement, words by sex, apostrophe, no-break spaces, dashes, Roman numerals (wording)."""
