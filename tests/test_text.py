import datetime as dt
from decimal import Decimal

from kr_desktop.text.formatting import (format_date, format_date_long, format_half_year, format_money,
                                        format_percent)
from kr_desktop.text.ukrainian import search_key, sort_key, uk_sorted

NBSP = "\u00a0"


def test_alphabet_order_puts_special_letters_in_place():
    names = ["Яким", "Ґудзь", "Гук", "Єрмак", "Ємець", "Ігнат", "Їжак", "Иванюк", "Апостол", "Дуб", "Жук"]
    assert uk_sorted(names) == ["Апостол", "Гук", "Ґудзь", "Дуб", "Ємець", "Єрмак", "Жук", "Иванюк",
                                "Ігнат", "Їжак", "Яким"]


def test_apostrophe_is_ignored_in_order_and_all_forms_sort_alike():
    assert sort_key("Мар'яна") == sort_key("Мар’яна") == sort_key("Марʼяна") == sort_key("Маряна")
    assert uk_sorted(["Мар'яна", "Марія"]) == ["Марія", "Мар'яна"]


def test_surname_then_name_then_patronymic():
    people = [("Іваненко", "Петро", "Іванович"), ("Іваненко", "Андрій", "Петрович"), ("Іван", "Ярема", "")]
    ordered = uk_sorted(people, key=lambda p: p)
    assert ordered == [("Іван", "Ярема", ""), ("Іваненко", "Андрій", "Петрович"), ("Іваненко", "Петро", "Іванович")]


def test_sort_key_orders_by_plain_binary_comparison():
    # The database compares the stored key byte-wise (SQLite BINARY, PostgreSQL COLLATE "C").
    keys = [sort_key(n) for n in ["Ґава", "Гава", "Єва", "Ева"]]
    utf8 = sorted(keys, key=lambda k: k.encode("utf-8"))
    assert utf8 == sorted(keys)


def test_search_key_folds_cyrillic_case_and_apostrophes():
    assert search_key("мар'яна") == search_key("МАР’ЯНА") == search_key("Марʼяна")
    assert search_key("ЇЖАК  Ґанна") == "їжак ґанна"


def test_dates():
    assert format_date(dt.date(2016, 12, 21)) == "21.12.2016"
    assert format_date_long(dt.date(2026, 11, 30)) == "30 листопада 2026 року"
    assert format_date_long(dt.date(2024, 5, 1)) == "1 травня 2024 року"
    assert "\u202f" not in format_date_long(dt.date(2024, 5, 1))


def test_money_half_up_with_no_break_spaces():
    assert format_money(Decimal("12023016")) == f"12{NBSP}023{NBSP}016,00"
    assert format_money(Decimal("1391386"), 1) == f"1{NBSP}391{NBSP}386,0"
    assert format_money(Decimal("2.25"), 1) == "2,3"  # babel alone would give 2,2
    assert format_money(Decimal("0.005")) == "0,01"
    assert format_money(None) == ""
    assert format_percent(Decimal("87.45")) == f"87,5{NBSP}%"


def test_half_year():
    assert format_half_year(2026, 1) == "I півріччя 2026 року"
    assert format_half_year(2026, 2) == "II півріччя 2026 року"
