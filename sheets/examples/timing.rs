//! How long reading a responsibility table of 500 tasks takes: the reader
//! (bytes to book), its JSON for the page, and the app's reading of the
//! book. Run in release: `cargo run --release -p gongjian-sheets --example
//! timing [-- <where to write the .xlsx>]` (the file is kept for timing
//! the worker in a browser).

use gongjian::domain::sheet_in::structure::{pick_sheet, read};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::time::{Duration, Instant};

const UNITS: [&str; 8] = ["区发展改革局", "区住房建设局", "区教育局", "区商务局", "东门街道", "区城管局", "区水务局", "区投资推广署"];

/// The seed's layout, 50 key actions of 10 tasks each.
fn table() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("责任分工表").unwrap();
    let date = Format::new().set_num_format("yyyy年m月d日");
    ws.merge_range(0, 0, 0, 5, "罗湖区2023年重点攻坚任务责任分工表", &Format::new()).unwrap();
    for (c, h) in ["序号", "重点任务", "具体任务", "牵头区领导", "责任单位", "完成时限"].into_iter().enumerate() {
        ws.write_string(1, c as u16, h).unwrap();
    }
    for a in 0..50u32 {
        let first = 2 + a * 10;
        ws.merge_range(first, 1, first + 9, 1, &format!("{}. 第{}项攻坚行动", a + 1, a + 1), &Format::new()).unwrap();
        ws.merge_range(first, 3, first + 9, 3, "王伟（区委常委、常务副区长）", &Format::new()).unwrap();
        for t in 0..10u32 {
            let r = first + t;
            ws.write_number(r, 0, (a * 10 + t + 1) as f64).unwrap();
            ws.write_string(r, 2, format!("推进第{}项攻坚行动的第{}项具体任务，按期完成建设目标", a + 1, t + 1)).unwrap();
            ws.write_string(r, 4, format!("{}牵头，{}配合", UNITS[(a + t) as usize % 8], UNITS[(a + t + 3) as usize % 8])).unwrap();
            ws.write_datetime_with_format(r, 5, ExcelDateTime::from_ymd(2023, 1 + (t % 12) as u8, 28).unwrap(), &date).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn median(mut d: Vec<Duration>) -> Duration {
    d.sort();
    d[d.len() / 2]
}

fn main() {
    let bytes = table();
    let out = std::env::args().nth(1).unwrap_or_else(|| "/tmp/gongjian-500-tasks.xlsx".into());
    std::fs::write(&out, &bytes).unwrap();
    let (mut open, mut json, mut app) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..21 {
        let t = Instant::now();
        let Ok(gongjian_sheets::Opened::Book(book)) = gongjian_sheets::open("table.xlsx", &bytes) else { panic!("read") };
        open.push(t.elapsed());
        let t = Instant::now();
        let text = serde_json::to_string(&book).unwrap();
        json.push(t.elapsed());
        let t = Instant::now();
        let b: gongjian::domain::sheet_in::grid::Book = serde_json::from_str(&text).unwrap();
        let sheet = pick_sheet(&b, 2023).unwrap();
        let r = read(&b, sheet, 2023, None);
        app.push(t.elapsed());
        assert_eq!((r.actions.len(), r.tasks()), (50, 500));
    }
    println!(
        "500 tasks, {} KB .xlsx (written to {out}): reader {:.1} ms, its JSON {:.1} ms, the app's reading {:.1} ms (medians of 21)",
        bytes.len() / 1024,
        median(open).as_secs_f64() * 1e3,
        median(json).as_secs_f64() * 1e3,
        median(app).as_secs_f64() * 1e3
    );
}
