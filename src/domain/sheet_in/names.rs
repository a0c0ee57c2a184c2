//! Units and people as a table writes them: several units in a cell
//! (`区发展改革局、区住房建设局`), `X牵头，Y配合` in one cell, leaders with
//! their titles (`常务副区长 王伟`, `王伟（区委常委）`).

use super::columns::fold;

/// The units a cell names, in order: split at 、 ， , ; ； / and line
/// breaks, blanks and duplicates left out.
pub fn split_units(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in cell.split(['、', '，', ',', ';', '；', '/', '／', '\n', '\r', '|']) {
        let name = part.trim().trim_matches(['。', '.', '“', '”', '"']).trim();
        if !name.is_empty() && !out.iter().any(|o| fold(o) == fold(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// Words after a unit's name that say its role in the cell.
const LEADS: [&str; 4] = ["牵头负责", "牵头", "负责", "主责"];
const HELPS: [&str; 4] = ["配合", "协办", "协助", "参与"];

/// A responsible-unit cell: the units that lead and those that help. In
/// `区住房建设局牵头，区城管局、各街道配合` the first lead and the others
/// are co-organizers; a cell without such words is all responsible.
pub fn roles(cell: &str) -> (Vec<String>, Vec<String>) {
    let mut lead = Vec::new();
    let mut help = Vec::new();
    // Each clause ends where a role word ends it.
    let mut rest = cell.trim();
    let mut any_role = false;
    while !rest.is_empty() {
        let hit = LEADS
            .iter()
            .map(|w| (w, true))
            .chain(HELPS.iter().map(|w| (w, false)))
            .filter_map(|(w, leads)| rest.find(w).map(|at| (at, w, leads)))
            .min_by_key(|(at, w, _)| (*at, usize::MAX - w.len()));
        match hit {
            Some((at, w, leads)) => {
                any_role = true;
                let names = split_units(&rest[..at]);
                if leads {
                    lead.extend(names);
                } else {
                    help.extend(names);
                }
                rest = rest[at + w.len()..].trim_start_matches(['，', ',', '；', ';', '、', ' ', '。']);
            }
            None => {
                // Units after the last role word: responsible, as the cell's
                // column says.
                lead.extend(split_units(rest));
                break;
            }
        }
    }
    if !any_role {
        return (split_units(cell), Vec::new());
    }
    (lead, help)
}

/// What ends a unit's name: 局, 办, 委, 街道, 中心 …
const UNIT_ENDS: [&str; 22] = [
    "局", "办", "委", "街道", "中心", "公司", "集团", "政府", "室", "部", "院", "所", "会", "队", "处", "站", "署", "厅", "馆", "分局",
    "支队", "office",
];

/// Whether a name reads as a unit's (for a column whose header says nothing).
pub fn looks_like_unit(name: &str) -> bool {
    let n = fold(name);
    n.chars().count() >= 2 && UNIT_ENDS.iter().any(|e| n.ends_with(e)) || n.starts_with("各")
}

/// Titles written before or after a leader's name.
const TITLES: [&str; 16] = [
    "区委常委",
    "常务副区长",
    "副区长",
    "区长",
    "区委副书记",
    "区委书记",
    "书记",
    "区人大常委会主任",
    "区人大常委会副主任",
    "区政协主席",
    "区政协副主席",
    "主任",
    "副主任",
    "局长",
    "副局长",
    "同志",
];

/// A leader as a cell writes them: the name, and the title when the cell
/// gives one (in brackets, or before the name).
pub fn leader(written: &str) -> (String, String) {
    let s = written.trim();
    // `王伟（区委常委、常务副区长）`, `王伟(副区长)`
    if let Some(open) = s.find(['（', '(']) {
        let name = s[..open].trim();
        let title = s[open..].trim_matches(['（', '(', '）', ')', ' ']).trim();
        if !name.is_empty() {
            return (name.to_string(), title.to_string());
        }
    }
    // `常务副区长 王伟`, `常务副区长王伟`: the longest title it starts with.
    let mut title = String::new();
    let mut rest = s;
    loop {
        let r = rest.trim_start_matches([' ', '　', '、', '，']);
        match TITLES.iter().filter(|t| r.starts_with(*t)).max_by_key(|t| t.len()) {
            Some(t) if r.len() > t.len() => {
                if !title.is_empty() {
                    title.push('、');
                }
                title.push_str(t);
                rest = &r[t.len()..];
            }
            _ => break,
        }
    }
    let name = rest.trim().trim_end_matches("同志").trim();
    (name.to_string(), title)
}

/// The leaders a cell names: split as units are, except that a title in
/// brackets keeps its own separators.
pub fn leaders(cell: &str) -> Vec<(String, String)> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in cell.chars() {
        match c {
            '（' | '(' => {
                depth += 1;
                cur.push(c);
            }
            '）' | ')' => {
                depth -= 1;
                cur.push(c);
            }
            '、' | '，' | ',' | ';' | '；' | '/' | '\n' if depth <= 0 => parts.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    parts.push(cur);
    let mut out: Vec<(String, String)> = Vec::new();
    // `区委常委、常务副区长 王伟`: a part that is only a title belongs to
    // the name after it.
    let mut titles = String::new();
    for p in parts {
        if TITLES.contains(&p.trim()) {
            titles.push_str(p.trim());
            titles.push('、');
            continue;
        }
        let (name, title) = leader(&p);
        let title = match (titles.is_empty(), title.is_empty()) {
            (true, _) => title,
            (false, true) => std::mem::take(&mut titles).trim_end_matches('、').to_string(),
            (false, false) => format!("{}{title}", std::mem::take(&mut titles)),
        };
        if !name.is_empty() && !out.iter().any(|(n, _)| fold(n) == fold(&name)) {
            out.push((name, title));
        }
    }
    out
}
