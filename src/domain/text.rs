//! Names and titles in both languages. A user may fill one or both; showing
//! falls back to the other language rather than to nothing.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parse `zh`, `zh-CN`, `en-GB`…; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Self {
        Text { zh: zh.into(), en: en.into() }
    }

    /// The text in `lang`, or in the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }

    /// Case-insensitive search in both languages.
    pub fn contains(&self, needle_lower: &str) -> bool {
        self.zh.to_lowercase().contains(needle_lower) || self.en.to_lowercase().contains(needle_lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Text::new("", "Dongmen Sub-district");
        assert_eq!(t.get(Lang::Zh), "Dongmen Sub-district");
        let t = Text::new("东门街道", "Dongmen Sub-district");
        assert_eq!(t.get(Lang::Zh), "东门街道");
        assert_eq!(t.get(Lang::En), "Dongmen Sub-district");
    }

    #[test]
    fn parses_browser_language_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn search_matches_either_language_ignoring_case() {
        let t = Text::new("东门步行街", "Dongmen Pedestrian Street");
        assert!(t.contains("步行街"));
        assert!(t.contains("pedestrian"));
        assert!(!t.contains("wutong"));
    }
}
