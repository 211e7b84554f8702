#!/usr/bin/env python3
"""Writes the spreadsheet and Word fixtures of fixtures/tables/ (used by
tests/cmd/tables-*.toml): python3 scripts/make-table-fixtures.py

Needs openpyxl, xlwt (.xls) and odfpy (.ods); the Word documents are written by hand (a zip holding
word/document.xml), so they need nothing else. The files are written with a
fixed timestamp so that running the script again gives the same bytes."""

import datetime
import io
import os
import zipfile

import openpyxl

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "tables")
STAMP = datetime.datetime(2024, 1, 1)


def workbook(path, total):
    wb = openpyxl.Workbook()
    wb.properties.created = STAMP
    wb.properties.modified = STAMP
    ws = wb.active
    ws.title = "Sheet1"
    # The table starts at B1: its cells keep their real names.
    ws["B1"] = "表1 各区医疗机构数 单位：个"
    ws.merge_cells("B1:D1")
    ws["B3"], ws["C3"], ws["D3"] = "地区", "医院", "床位"
    rows = [("东城区", 12, 3400), ("西城区", 15, 4100), ("朝阳区", 21, 6900)]
    for k, (name, hospitals, beds) in enumerate(rows):
        ws.cell(row=4 + k, column=2, value=name)
        ws.cell(row=4 + k, column=3, value=hospitals)
        ws.cell(row=4 + k, column=4, value=beds)
    ws["B7"], ws["C7"], ws["D7"] = "合计", total, 14400
    notes = wb.create_sheet("Notes")
    notes["A1"] = "Source: a made-up register, 2024."
    notes["A2"] = datetime.date(2024, 3, 31)
    notes["B2"] = 0.1 + 0.2
    buf = io.BytesIO()
    wb.save(buf)
    write_zip(path, buf.getvalue())


def write_zip(path, data, drop=()):
    """The zip again with every member's timestamp fixed (and the members
    in `drop`, which hold the time of writing, left out)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def cell(text, extra=""):
    return f"<w:tc><w:tcPr>{extra}</w:tcPr>{para(text)}</w:tc>"


def row(cells, header=False):
    pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return "<w:tr>" + pr + "".join(cell(c) for c in cells) + "</w:tr>"


def document(path, total):
    body = [
        para("The clinics of the county are counted below."),
        para("Table 2. Clinics by district"),
        "<w:tbl>",
        row(["District", "Clinics", "Staff"], header=True),
        row(["North", "14", "120"]),
        row(["South", "9", "85"]),
        row(["East", "22", "160"]),
        row(["Total", total, "365"]),
        "</w:tbl>",
        para("All clinics were open in 2024."),
    ]
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": xml,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)


def legacy_workbook(path, share):
    """An .xls (BIFF) sheet with a share column: 'share' is North's."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Spending")
    rows = [("Program", "Spending ($ millions)", "% of total"),
            ("Housing", 420, 42.0), ("Transit", 330, share), ("Parks", 250, 25.0),
            ("Total", 1000, 100.0)]
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    wb.save(path)


def open_sheet(path, change):
    """An .ods sheet with a change column: 'change' is the second row's."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="增长")
    rows = [("指标", "2023年", "2024年", "增长(%)"),
            ("门诊人次", 1000, 1100, 10.0), ("住院人次", 200, 230, change),
            ("手术台次", 50, 55, 10.0)]
    for row in rows:
        tr = TableRow()
        for v in row:
            if isinstance(v, str):
                cell = TableCell(valuetype="string")
            else:
                cell = TableCell(valuetype="float", value=v)
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    write_zip(path, buf.getvalue(), drop=("meta.xml",))


def main():
    os.makedirs(os.path.join(OUT, "wrong"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "right"), exist_ok=True)
    # 12 + 15 + 21 = 48: the wrong sheet says 51 in C7.
    workbook(os.path.join(OUT, "wrong", "hospitals.xlsx"), 51)
    workbook(os.path.join(OUT, "right", "hospitals.xlsx"), 48)
    # 14 + 9 + 22 = 45: the wrong document says 47.
    document(os.path.join(OUT, "wrong", "clinics.docx"), "47")
    document(os.path.join(OUT, "right", "clinics.docx"), "45")
    # 330 / 1000 = 33.0%: the wrong sheet says 36.0.
    legacy_workbook(os.path.join(OUT, "wrong", "spending.xls"), 36.0)
    legacy_workbook(os.path.join(OUT, "right", "spending.xls"), 33.0)
    # 230 / 200 - 1 = 15.0%: the wrong sheet says 5.0.
    open_sheet(os.path.join(OUT, "wrong", "visits.ods"), 5.0)
    open_sheet(os.path.join(OUT, "right", "visits.ods"), 15.0)


if __name__ == "__main__":
    main()
