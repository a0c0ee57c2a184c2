//! Words for the domain's enums — lights, their reasons, risk levels — in both languages.

use super::{m, Tr};
use crate::domain::light::{Light, Reason};
use crate::domain::{Lang, RiskCategory, RiskLevel, RiskStatus};

/// The word for a light.
pub fn light_name(l: Lang, light: Light) -> &'static str {
    l.t(match light {
        Light::Done => m::LIGHT_DONE,
        Light::Green => m::LIGHT_GREEN,
        Light::Yellow => m::LIGHT_YELLOW,
        Light::Red => m::LIGHT_RED,
        Light::Grey => m::LIGHT_GREY,
    })
}

/// A reason in `l`.
pub fn reason(l: Lang, r: &Reason) -> String {
    if l == Lang::En {
        return r.to_string();
    }
    match r {
        Reason::Done { on: Some(on), days_late } if *days_late > 0 => format!("已于 {on} 完成，逾期 {days_late} 天"),
        Reason::Done { on: Some(on), .. } => format!("已于 {on} 完成"),
        Reason::Done { on: None, .. } => "已完成".into(),
        Reason::NotStarted { start } => format!("未开始，{start} 开始"),
        Reason::NoDueDate => "未设完成时限".into(),
        Reason::OnTrack => "按计划推进".into(),
        Reason::TaskOverdue { days } => format!("任务逾期 {days} 天"),
        Reason::MilestoneOverdue { title, days } => format!("节点“{}”逾期 {days} 天", title.get(l)),
        Reason::PlanNotSubmitted { due } => format!("施工图未报送，应于 {due} 前报送"),
        Reason::TaskDueSoon { days: 0 } => "任务今天到期".into(),
        Reason::TaskDueSoon { days } => format!("任务 {days} 天后到期"),
        Reason::MilestoneDueSoon { title, days: 0 } => format!("节点“{}”今天到期", title.get(l)),
        Reason::MilestoneDueSoon { title, days } => format!("节点“{}” {days} 天后到期", title.get(l)),
        Reason::NoReport { days, ever: true } => format!("已 {days} 天未反馈进展"),
        Reason::NoReport { days, ever: false } => format!("开始 {days} 天仍未反馈进展"),
        Reason::BehindPace { progress, elapsed } => format!(
            "时间过半进度滞后：进度 {}%，时间已过 {}%",
            crate::domain::numbers::fixed(*progress, 0),
            crate::domain::numbers::fixed(*elapsed, 0)
        ),
        Reason::Tasks { light, numbers } => format!("{} 项任务{}：{}", numbers.len(), light_name(l, *light), numbers.join("、")),
        Reason::NoTasks => "没有任务".into(),
    }
}

pub fn risk_level(l: Lang, v: RiskLevel) -> &'static str {
    let zh = l == Lang::Zh;
    match v {
        RiskLevel::Low => {
            if zh {
                "低"
            } else {
                "Low"
            }
        }
        RiskLevel::Medium => {
            if zh {
                "中"
            } else {
                "Medium"
            }
        }
        RiskLevel::High => {
            if zh {
                "高"
            } else {
                "High"
            }
        }
        RiskLevel::Major => {
            if zh {
                "重大"
            } else {
                "Major"
            }
        }
    }
}

pub fn risk_category(l: Lang, v: RiskCategory) -> &'static str {
    let zh = l == Lang::Zh;
    match v {
        RiskCategory::WorkSafety => {
            if zh {
                "安全生产"
            } else {
                "Work safety"
            }
        }
        RiskCategory::Schedule => {
            if zh {
                "工期"
            } else {
                "Schedule"
            }
        }
        RiskCategory::Funding => {
            if zh {
                "资金"
            } else {
                "Funding"
            }
        }
        RiskCategory::Land => {
            if zh {
                "用地"
            } else {
                "Land"
            }
        }
        RiskCategory::Stability => {
            if zh {
                "社会稳定"
            } else {
                "Social stability"
            }
        }
        RiskCategory::Other => {
            if zh {
                "其他"
            } else {
                "Other"
            }
        }
    }
}

pub fn risk_status(l: Lang, v: RiskStatus) -> &'static str {
    let zh = l == Lang::Zh;
    match v {
        RiskStatus::Open => {
            if zh {
                "未处置"
            } else {
                "Open"
            }
        }
        RiskStatus::Mitigating => {
            if zh {
                "处置中"
            } else {
                "Mitigating"
            }
        }
        RiskStatus::Closed => {
            if zh {
                "已消除"
            } else {
                "Closed"
            }
        }
    }
}
