"""Staff lists from anywhere: lists that Excel saved in the code page of a Polish, Czech,
Russian, Greek, Turkish or Japanese computer read as their authors wrote them."""

from __future__ import annotations

from pathlib import Path

import pytest

from revmentor_desktop.domain.importing import (
    Field,
    ImportOptions,
    apply_plan,
    build_plan,
    initial_mapping,
    read_table,
    read_table_file,
)
from revmentor_desktop.services.data_sources import backup_before_import_into
from revmentor_desktop.storage.database import DataFile
from revmentor_desktop.storage.models import Person

POLISH = [
    "Imię i nazwisko;E-mail;Dział;Stanowisko;Miejscowość",
    "Łukasz Żółkiewski;lukasz.zolkiewski@firma.pl;Księgowość;Główny księgowy;Kraków",
    "Agnieszka Wójcik;agnieszka.wojcik@firma.pl;Sprzedaż;Kierowniczka działu;Łódź",
    "Grzegorz Brzęczyszczykiewicz;grzegorz.b@firma.pl;Logistyka;Specjalista;Gdańsk",
    "Małgorzata Śliwińska;malgorzata.sliwinska@firma.pl;Kadry i płace;Starsza specjalistka;Wrocław",
    "Paweł Kołodziej;pawel.kolodziej@firma.pl;Informatyka;Administrator sieci;Poznań",
]
CZECH = [
    "Jméno a příjmení;E-mail;Oddělení;Pracovní pozice;Pobočka",
    "Jiří Dvořák;jiri.dvorak@firma.cz;Účetnictví;Hlavní účetní;Praha",
    "Růžena Čermáková;ruzena.cermakova@firma.cz;Obchod;Vedoucí prodeje;Brno",
    "Tomáš Šťastný;tomas.stastny@firma.cz;Logistika;Skladník;Ostrava",
    "Zdeňka Kolářová;zdenka.kolarova@firma.cz;Personální oddělení;Personalistka;Plzeň",
]
RUSSIAN = [
    "ФИО;Эл. почта;Отдел;Должность;Город",
    "Иванов Сергей Петрович;ivanov@firma.ru;Бухгалтерия;Главный бухгалтер;Москва",
    "Смирнова Анна Викторовна;smirnova@firma.ru;Продажи;Менеджер по продажам;Санкт-Петербург",
    "Кузнецов Дмитрий Олегович;kuznetsov@firma.ru;Логистика;Начальник склада;Новосибирск",
    "Попова Елена Игоревна;popova@firma.ru;Отдел кадров;Специалист по кадрам;Екатеринбург",
]
GREEK = [
    "Ονοματεπώνυμο;Email;Τμήμα;Θέση;Πόλη",
    "Γιώργος Παπαδόπουλος;giorgos.p@etaireia.gr;Λογιστήριο;Προϊστάμενος λογιστηρίου;Αθήνα",
    "Μαρία Κωνσταντίνου;maria.k@etaireia.gr;Πωλήσεις;Υπεύθυνη πωλήσεων;Θεσσαλονίκη",
    "Νίκος Αλεξίου;nikos.a@etaireia.gr;Αποθήκη;Αποθηκάριος;Πάτρα",
    "Ελένη Γεωργίου;eleni.g@etaireia.gr;Ανθρώπινο δυναμικό;Στέλεχος προσωπικού;Ηράκλειο",
]
TURKISH = [
    "Ad Soyad;E-posta;Departman;Unvan;Şehir",
    "Şükrü Öztürk;sukru.ozturk@sirket.com.tr;Muhasebe;Muhasebe Müdürü;İstanbul",
    "Gülşen Yılmaz;gulsen.yilmaz@sirket.com.tr;Satış;Satış Uzmanı;Ankara",
    "İbrahim Çelik;ibrahim.celik@sirket.com.tr;Lojistik;Depo Sorumlusu;İzmir",
    "Ayşe Doğan;ayse.dogan@sirket.com.tr;İnsan Kaynakları;İK Uzmanı;Bursa",
]
JAPANESE = [
    "氏名,メールアドレス,部署,役職,勤務地",
    "山田 太郎,yamada@kaisha.co.jp,経理部,部長,東京",
    "佐藤 花子,sato@kaisha.co.jp,営業部,課長,大阪",
    "鈴木 一郎,suzuki@kaisha.co.jp,物流部,主任,名古屋",
    "高橋 美咲,takahashi@kaisha.co.jp,人事部,係長,福岡",
]


def saved_by_excel(lines: list[str], codec: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(codec)


@pytest.mark.parametrize(
    ("lines", "codec", "words"),
    [
        (POLISH, "cp1250", "Central European (Windows-1250)"),
        (CZECH, "cp1250", "Central European (Windows-1250)"),
        (RUSSIAN, "cp1251", "Cyrillic (Windows-1251)"),
        (RUSSIAN, "koi8-r", "Cyrillic (KOI8-R)"),
        (GREEK, "cp1253", "Greek (Windows-1253)"),
        (TURKISH, "cp1254", "Turkish (Windows-1254)"),
        (JAPANESE, "shift_jis", "Japanese (Shift JIS, Windows)"),  # read as cp932
    ],
    ids=["polish", "czech", "russian-1251", "russian-koi8", "greek", "turkish", "japanese"],
)
def test_lists_in_national_code_pages_read_as_written(
    lines: list[str], codec: str, words: str
) -> None:
    table = read_table(saved_by_excel(lines, codec), "staff.csv")
    assert table.encoding == words
    delimiter = "," if codec == "shift_jis" else ";"
    assert table.headers == tuple(lines[0].split(delimiter))
    assert [row.cells for row in table.rows] == [tuple(line.split(delimiter)) for line in lines[1:]]


def test_a_polish_list_imports_with_its_letters(data_file: DataFile, tmp_path: Path) -> None:
    """The issue's list: every row was refused, its names read as "£ukasz ¯ó³kiewski"."""
    source = tmp_path / "pracownicy.csv"
    source.write_bytes(saved_by_excel(POLISH, "cp1250"))
    table = read_table_file(source)
    assert table.detected == "CSV, Central European (Windows-1250), semicolon-separated"
    mapping = initial_mapping(table.headers)
    assert mapping.fields[1] == Field.EMAIL
    mapping = mapping.with_column(0, Field.FULL_NAME).with_column(2, Field.DEPARTMENT)
    result = apply_plan(
        build_plan(table, mapping, ImportOptions()), backup_before_import_into(data_file)
    )
    assert result.added == 5
    lukasz = Person.get(Person.email_key == "lukasz.zolkiewski@firma.pl")
    assert (lukasz.name, lukasz.department) == ("Łukasz Żółkiewski", "Księgowość")


def test_a_long_list_is_told_from_its_lines_with_letters_outside_ascii(tmp_path: Path) -> None:
    """A Czech list whose first 3,000 rows are plain ASCII: the sample skips those lines."""
    plain = [
        f"Person {number};person{number}@firma.cz;Sklad;Skladnik;Brno" for number in range(3000)
    ]
    source = tmp_path / "zamestnanci.csv"
    source.write_bytes(saved_by_excel([CZECH[0], *plain, *CZECH[1:]], "cp1250"))
    table = read_table_file(source)
    assert table.encoding == "Central European (Windows-1250)"
    last = list(table.rows)[-1]
    assert last.cells[0] == "Zdeňka Kolářová"


def test_a_short_western_list_is_not_read_as_another_script() -> None:
    """On "René Ça" alone chardet guesses Arabic (Windows-1256), which read "Ça" as "اa"."""
    table = read_table("Name;Email\nRené Ça;rene@example.org\n".encode("cp1252"), "staff.csv")
    assert table.encoding == "Western European (Windows-1252)"
    assert [row.cells[0] for row in table.rows] == ["René Ça"]
