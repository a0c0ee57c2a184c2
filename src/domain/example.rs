//! The embedded example: Luohu District's 2022 table, built only from what
//! the seed (the report of the 2022-02-07 kick-off meeting) says. Where the
//! seed is silent — which leader leads which action, most start dates —
//! the field stays empty. People's names are given as the report spells
//! them; their Chinese characters are not in the source, so left empty.

use super::plan::Field;
use super::{Direction, Id, KeyAction, Meta, Person, Plan, Settings, Stamp, Target, Task, Text, Unit};
use chrono::{NaiveDate, TimeZone, Utc};

/// The kick-off meeting, the first working day of the Year of the Tiger.
pub fn kickoff() -> NaiveDate {
    date(2022, 2, 7)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid example date")
}

fn meta() -> Meta {
    let at = Utc.with_ymd_and_hms(2022, 2, 7, 9, 0, 0).single().expect("a valid example time");
    Meta::created(Stamp { by: None, at })
}

fn unit(key: &str, zh: &str, en: &str) -> Unit {
    Unit { id: Id::from_name(&format!("unit:{key}")), name: Text::new(zh, en), key: None, meta: meta() }
}

fn person(key: &str, name: &str, title_zh: &str, title_en: &str, unit: Option<Id>) -> Person {
    Person {
        id: Id::from_name(&format!("person:{key}")),
        name: Text::new("", name),
        title: Text::new(title_zh, title_en),
        unit,
        meta: meta(),
    }
}

fn target(key: &str, zh: &str, en: &str, measure: &str, baseline: Option<f64>, value: f64) -> Target {
    Target {
        id: Id::from_name(&format!("target:{key}")),
        name: Text::new(zh, en),
        measure: measure.into(),
        baseline,
        target: value,
        direction: Direction::AtLeast,
        added_by: None,
        meta: meta(),
    }
}

const ACTIONS: [(&str, &str, Option<Field>); 11] = [
    ("社会治理体系和治理能力现代化攻坚行动", "Modernizing the social governance system and capacity", Some(Field::Governance)),
    ("“20+8”产业集群塑造攻坚行动", "Shaping the “20+8” industrial clusters", Some(Field::Industry)),
    ("重大交通项目建设攻坚行动", "Building the major transport projects", None),
    ("总部经济攻坚行动", "Growing the headquarters economy", Some(Field::Industry)),
    ("笋岗—清水河片区建设城市副中心攻坚行动", "Building the Sungang–Qingshuihe area into a city sub-centre", Some(Field::Platform)),
    ("深港口岸经济带罗湖片区建设攻坚行动", "Building the Luohu area of the Shenzhen–Hong Kong port economic belt", Some(Field::Platform)),
    ("国际消费中心建设攻坚行动", "Building the international consumption centre", None),
    ("大梧桐新兴产业带建设攻坚行动", "Building the Dawutong emerging industrial belt", Some(Field::Platform)),
    ("产业引领、服务升级攻坚行动", "Industry leading, service upgrading", Some(Field::Industry)),
    ("空间拓展、提质增效攻坚行动", "Expanding space, raising quality and efficiency", None),
    ("教育领域项目建设攻坚行动", "Building the education projects", Some(Field::Livelihood)),
];

/// Luohu District's 2022 Critical Task Division of Responsibility Table.
pub fn luohu_2022() -> Plan {
    let district = unit("luohu", "罗湖区", "Luohu District");
    let dongmen = unit("dongmen", "东门街道", "Dongmen Sub-district");
    let drb = unit("drb", "罗湖区发展和改革局", "Luohu District Development and Reform Bureau");
    let esc = unit("esc", "罗湖区企业服务中心", "Luohu District Enterprise Service Center");
    let dawutong = unit(
        "dawutong",
        "大梧桐新兴产业带（笋岗—东晓片区）分指挥部",
        "Dawutong Emerging Industrial Belt (Sungang–Dongxiao Area) Sub-headquarters",
    );

    let people = vec![
        person("liu-sheng", "Liu Sheng", "区委书记", "Secretary of the District Party Committee", None),
        person("fan-defan", "Fan Defan", "区委副书记、区长", "Deputy Secretary of the District Party Committee, District Head", None),
        person(
            "zhou-yichuan",
            "Zhou Yichuan",
            "区人大常委会主任",
            "Director of the Standing Committee of the District People's Congress",
            None,
        ),
        person("liu-guangmin", "Liu Guangmin", "区政协主席", "Chairman of the District CPPCC", None),
        person(
            "huang-shengwen",
            "Huang Shengwen",
            "区委副书记、政法委书记",
            "Deputy Secretary of the District Committee, Secretary of the Political and Legal Committee",
            None,
        ),
        person(
            "zuo-jinping",
            "Zuo Jinping",
            "区委常委、副区长",
            "Member of the Standing Committee of the District Committee, Deputy District Head",
            None,
        ),
        person(
            "lu-yi",
            "Lu Yi",
            "东门街道党工委书记",
            "Secretary of the Party Working Committee of Dongmen Sub-district",
            Some(dongmen.id),
        ),
        person(
            "zhou-xiaojian",
            "Zhou Xiaojian",
            "区发展和改革局局长",
            "Director of the District Development and Reform Bureau",
            Some(drb.id),
        ),
        person("chen-xiaojun", "Chen Xiaojun", "区企业服务中心主任", "Director of the District Enterprise Service Center", Some(esc.id)),
        person("wei-jie", "Wei Jie", "", "Sub-headquarters, Dawutong Emerging Industrial Belt", Some(dawutong.id)),
    ];
    let pid = |key: &str| Id::from_name(&format!("person:{key}"));

    let actions: Vec<KeyAction> = ACTIONS
        .iter()
        .enumerate()
        .map(|(i, (zh, en, field))| KeyAction {
            id: Id::from_name(&format!("action:{}", i + 1)),
            order: i as i64 + 1,
            title: Text::new(zh, en),
            field: *field,
            leaders: vec![],
            // The seed names the overall leading unit of action 9 only.
            leading_units: if i + 1 == 9 { vec![esc.id] } else { vec![] },
            meta: meta(),
        })
        .collect();
    let aid = |n: usize| actions[n - 1].id;

    let year_end = Some(date(2022, 12, 31));
    let task = |key: &str, action: usize, order: i64, zh: &str, en: &str, unit: Id, person: &str, due| Task {
        id: Id::from_name(&format!("task:{key}")),
        action: aid(action),
        order,
        title: Text::new(zh, en),
        responsible: vec![unit],
        co_organizers: vec![],
        person: Some(pid(person)),
        start: None,
        due,
        plan: String::new(),
        plan_submitted_on: None,
        milestones: vec![],
        targets: vec![],
        closed_on: None,
        meta: meta(),
    };

    let mut tasks = vec![
        task(
            "pilot-zone",
            6,
            1,
            "深港口岸经济带罗湖先行区建设",
            "Shenzhen–Hong Kong port economic belt: the Luohu pilot zone",
            drb.id,
            "zhou-xiaojian",
            None,
        ),
        task("dongmen", 7, 1, "东门步行街升级改造", "Upgrading and renovating Dongmen Pedestrian Street", dongmen.id, "lu-yi", year_end),
        task(
            "land",
            8,
            1,
            "完成20万平方米产业项目用地出让",
            "Transfer 200,000 m² of land for industrial projects",
            dawutong.id,
            "wei-jie",
            year_end,
        ),
        task(
            "rundown",
            8,
            2,
            "启动17.2万平方米城中村（旧建筑）改造",
            "Begin reconstructing 172,000 m² of rundown buildings",
            dawutong.id,
            "wei-jie",
            year_end,
        ),
        task(
            "warehouses",
            8,
            3,
            "推动供港仓库搬迁",
            "Facilitate relocating the Hong Kong supply warehouses",
            dawutong.id,
            "wei-jie",
            year_end,
        ),
        task("roads", 8, 4, "推进7条道路新建及提升", "Build or upgrade seven roads", dawutong.id, "wei-jie", year_end),
        task("rivers", 8, 5, "推进河道修复", "Restore the river channels", dawutong.id, "wei-jie", year_end),
        task(
            "investment",
            9,
            1,
            "建立全区大招商联动机制，推动重大项目落地",
            "Link the district's investment promotion and land major projects",
            esc.id,
            "chen-xiaojun",
            year_end,
        ),
        task(
            "service",
            9,
            2,
            "建立全区协同服务机制，全面升级企业服务体系",
            "Coordinate enterprise services district-wide and upgrade them",
            esc.id,
            "chen-xiaojun",
            None,
        ),
    ];
    let add_targets = |tasks: &mut Vec<Task>, key: &str, ts: Vec<Target>| {
        let id = Id::from_name(&format!("task:{key}"));
        if let Some(t) = tasks.iter_mut().find(|t| t.id == id) {
            t.targets = ts;
        }
    };
    add_targets(
        &mut tasks,
        "land",
        vec![target("land", "产业项目用地出让面积", "Industrial land transferred", "m²", Some(0.0), 200_000.0)],
    );
    add_targets(
        &mut tasks,
        "rundown",
        vec![target("rundown", "启动改造面积", "Rundown buildings under reconstruction", "m²", Some(0.0), 172_000.0)],
    );
    add_targets(&mut tasks, "roads", vec![target("roads", "新建及提升道路", "Roads built or upgraded", "条 roads", Some(0.0), 7.0)]);
    add_targets(
        &mut tasks,
        "investment",
        vec![
            target("revenue", "营业收入年度累计增量", "Annual increase in business revenue", "亿元 (100 million yuan)", Some(0.0), 250.0),
            target("tax", "税收年度增量", "Annual increase in tax revenue", "亿元 (100 million yuan)", Some(0.0), 20.0),
        ],
    );
    add_targets(
        &mut tasks,
        "service",
        vec![
            target("satisfaction", "重点企业满意度", "Satisfaction of key enterprises", "%", None, 95.0),
            target("response", "企业问题办理响应率", "Response rate to enterprise problems", "%", None, 100.0),
        ],
    );

    Plan {
        id: Id::from_name("plan:luohu-2022"),
        title: Text::new("罗湖区2022年攻坚任务责任分工表", "Luohu District 2022 Critical Task Division of Responsibility Table"),
        year: 2022,
        kickoff: kickoff(),
        issuing_unit: Some(district.id),
        office_key: None,
        example: true,
        // The plan is from 2022: look at it from inside that year.
        // From before signing: files need not be signed.
        settings: Settings { as_of: Some(date(2022, 6, 30)), require_signed: false, ..Settings::default() },
        meta: meta(),
        units: vec![district, dongmen, drb, esc, dawutong],
        people,
        actions,
        tasks,
        reports: vec![],
        meetings: vec![],
        problems: vec![],
        risks: vec![],
        exemptions: vec![],
        rulings: vec![],
        instructions: vec![],
        trail: vec![],
        numbers: Default::default(),
        journal: Default::default(),
    }
}
