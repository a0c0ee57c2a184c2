//! The app's own spreadsheet exports import back into the same table: the
//! example's responsibility table written by the XLSX writer (`xlsx/`, the
//! worker the page uses to export) and read by this crate and the app's
//! reader, in both languages, lands as the same actions, leaders, leading
//! units, tasks, units, co-organizers, people and deadlines. (The CSV half
//! is `the_apps_own_csv_export_imports_back_into_the_same_table` in the
//! root crate.)

use gongjian::domain::example::luohu_2022;
use gongjian::domain::filter::TableFilter;
use gongjian::domain::sheet_in::grid::Book;
use gongjian::domain::sheet_in::into::add_to;
use gongjian::domain::sheet_in::structure::{pick_sheet, read};
use gongjian::domain::spreadsheet::Workbook;
use gongjian::domain::{Lang, Plan, Stamp};
use gongjian_sheets::{open, Opened};

/// Each action with its leaders and leading units, and its tasks with their
/// units, co-organizers, deadline and person, as a person reads them.
type Shape = Vec<(String, String, String, Vec<(String, String, String, Option<chrono::NaiveDate>, Option<String>)>)>;

fn shape(p: &Plan, lang: Lang) -> Shape {
    p.actions_in_order()
        .iter()
        .map(|a| {
            let tasks = p
                .tasks_of(a.id)
                .iter()
                .map(|t| {
                    let person = t.person.and_then(|x| p.person(x)).map(|x| x.name.get(lang).to_string());
                    (t.title.get(lang).to_string(), p.unit_names(&t.responsible, lang), p.unit_names(&t.co_organizers, lang), t.due, person)
                })
                .collect();
            (a.title.get(lang).to_string(), p.person_names(&a.leaders, lang), p.unit_names(&a.leading_units, lang), tasks)
        })
        .collect()
}

#[test]
fn the_apps_own_xlsx_export_imports_back_into_the_same_table() {
    let plan = luohu_2022();
    let today = chrono::NaiveDate::from_ymd_opt(2022, 6, 30).unwrap();
    let stamp = Stamp { by: None, at: chrono::DateTime::from_timestamp(1_650_000_000, 0).unwrap() };
    for lang in [Lang::Zh, Lang::En] {
        let sheet = plan.table_sheet(&TableFilter::default(), today, lang);
        let bytes = gongjian_xlsx::workbook_bytes_from_json(&serde_json::to_string(&Workbook { sheets: vec![sheet] }).unwrap()).unwrap();
        let book: Book = match open("table.xlsx", &bytes).unwrap() {
            Opened::Book(b) => serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap(),
            Opened::Text { .. } => panic!("an .xlsx read as text"),
        };
        let sheet = pick_sheet(&book, plan.year).expect("the table's sheet");
        let reading = read(&book, sheet, plan.year, None);
        assert!(reading.said.iter().all(|s| !s.problem), "{lang:?}: {:?}", reading.said);
        let mut back = Plan::blank(plan.title.clone(), plan.year, plan.kickoff, stamp);
        add_to(&mut back, &reading, "table", stamp).unwrap();
        assert_eq!(shape(&back, lang), shape(&plan, lang), "{lang:?}");
    }
}
