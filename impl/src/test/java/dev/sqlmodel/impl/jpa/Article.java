package dev.sqlmodel.impl.jpa;

import jakarta.persistence.Basic;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.util.Collections;
import java.util.Set;

/** A product: a required text key, a nullable price, a set of enums, a transient field and a version. */
@Entity
public class Article {
    /** Where an article is sold. */
    public enum Department {
        APPLIANCES, CLOTHING, GARDEN, GROCERY, TOOLS
    }

    @ElementCollection(fetch = FetchType.EAGER)
    private Set<Department> departments;

    @Basic(optional = false)
    private String name;

    private Double price;

    @Basic(optional = false)
    @Id
    private String articleNum;

    @Transient
    private Double surgePrice;

    @Version
    private long versionNum;

    public Article() {
    }

    private Article(String name, Double price, String articleNum, Department... departments) {
        this.departments = departments == null ? Collections.emptySet() : Set.of(departments);
        this.name = name;
        this.price = price;
        this.surgePrice = price;
        this.articleNum = articleNum;
    }

    /** An article whose surge price starts at its price. */
    public static Article of(String name, Double price, String articleNum, Department... departments) {
        return new Article(name, price, articleNum, departments);
    }

    public Set<Department> getDepartments() {
        return departments;
    }

    public void setDepartments(Set<Department> departments) {
        this.departments = departments;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Double getPrice() {
        return price;
    }

    public void setPrice(Double price) {
        this.price = price;
    }

    public String getArticleNum() {
        return articleNum;
    }

    public Double getSurgePrice() {
        return surgePrice;
    }

    public long getVersionNum() {
        return versionNum;
    }
}
